import { AesGcmPayloadCodec, payloadKey } from '../../platform/payload-codec';

/**
 * The payload key of the replay corpus: recordings made since payloads are encrypted must replay in
 * every later run, so they are sealed with this fixed key rather than a run's random one. Test data
 * only; histories recorded before encryption pass through the codec unchanged.
 */
export const CORPUS_PAYLOAD_KEY = 'xqFq79QGPiat5VloC6Q+RwoW0TAJ3bWzhq2J3bpaM6g=';

export const corpusCodec = () => new AesGcmPayloadCodec(payloadKey(CORPUS_PAYLOAD_KEY));
