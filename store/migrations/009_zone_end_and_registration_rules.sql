-- A zone's end carries through: since when it is suspended (cleared on resumption) and the day it
-- was terminated; the authority rule answers no from either day.
ALTER TABLE zones ADD COLUMN suspended_on date;
ALTER TABLE zones ADD COLUMN terminated_on date;
