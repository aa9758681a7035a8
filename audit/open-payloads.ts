import { defaultPayloadConverter, type PayloadCodec } from '@temporalio/common';
import { JSONToPayload } from '@temporalio/common/lib/proto-utils';
import type { OpenPayloads } from './history-facts';

/**
 * Opens payloads of a raw history with the codecs of this process (decoded in reverse order, as the
 * SDK does) and the default converter. A payload that cannot be read as a value reads as undefined.
 */
export function payloadOpener(codecs: readonly PayloadCodec[]): OpenPayloads {
  // One opener per codec list: audit/history-facts.ts keeps a closed run's facts by their opener.
  let opener = openers.get(codecs);
  if (!opener) openers.set(codecs, (opener = openerOf(codecs)));
  return opener;
}

const openers = new WeakMap<readonly PayloadCodec[], OpenPayloads>();

function openerOf(codecs: readonly PayloadCodec[]): OpenPayloads {
  return async (json) => {
    let payloads = json.map((payload) => JSONToPayload(payload));
    for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
    return payloads.map((payload) => {
      try {
        return defaultPayloadConverter.fromPayload(payload);
      } catch {
        return undefined;
      }
    });
  };
}
