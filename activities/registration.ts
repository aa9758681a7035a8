import { chinaDate } from '../domain/calendar';
import { periodSchema, type Deadline } from '../domain/deadline';
import type { Application, Refusal } from '../domain/registration';
import type { Db } from '../store/db';
import { readCalendars, readPolicy, scopedPolicy } from '../store/policy';
import { itemAuthorities, screenApplication, zoneRefusal, type ItemAuthority } from '../domain/screening';
import { authorityFacts, screeningFacts, zoneFact } from '../store/registration';
import { periodDeadline } from './policy';

export interface Grant extends ItemAuthority {
  verificationDeadline: Deadline;
}

/** Reads for the registration process (P3): the checks of an application and the deadlines of a grant. */
export function createRegistrationActivities(db: Db) {
  return {
    async screenApplication(input: { application: Application; at: string }) {
      const date = chinaDate(new Date(input.at));
      const screening = screenApplication(input.application, await screeningFacts(db, input.application, date), date);
      const historyEventLimit = Number(await readPolicy(db, 'workflow.historyEventLimit', input.application.residence.divisionCode));
      return { ...screening, historyEventLimit };
    },

    /**
     * What a consent grants, checked again on the day of consent (the zone may have been suspended or
     * terminated, an agreement may have ended since screening): each licence's verification deadline, the power's own working days unless the
     * county sets `registration.verificationPeriod`; a licence pending conditions is verified no
     * earlier than its conditions' date.
     */
    async planGrant(input: {
      zoneCode: string;
      items: { powerCode: string; conditionsDue?: string }[];
      at: string;
    }): Promise<{ refusals: Refusal[]; grants: Grant[] }> {
      const start = new Date(input.at);
      const { refusals: itemRefusals, items } = itemAuthorities(
        await authorityFacts(db, input.zoneCode),
        input.zoneCode,
        input.items.map((i) => i.powerCode),
        chinaDate(start),
      );
      const zone = zoneRefusal(input.zoneCode, await zoneFact(db, input.zoneCode));
      const refusals = zone ? [zone, ...itemRefusals] : itemRefusals;
      const calendars = await readCalendars(db);
      const countyPeriod = await scopedPolicy(db, 'registration.verificationPeriod', input.zoneCode);
      const grants = items.map((item) => {
        const conditionsDue = input.items.find((i) => i.powerCode === item.powerCode)?.conditionsDue;
        const from =
          conditionsDue && conditionsDue > chinaDate(start) && !countyPeriod ? new Date(`${conditionsDue}T00:00:00+08:00`) : start;
        return {
          ...item,
          verificationDeadline: periodDeadline(from, periodSchema.parse(countyPeriod ?? { workingDays: item.verificationDays }), calendars),
        };
      });
      return { refusals, grants };
    },
  };
}
