/** Errors no retry mends: the delivery workflow marks the message FAILED at once (shared with workflow code). */
export const PERMANENT_DELIVERY_ERRORS = ['DeliveryRefused', 'ChannelUnavailable'];
