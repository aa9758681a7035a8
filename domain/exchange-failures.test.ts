import { failureReason, failedMessageSummary } from './exchange-failures';

describe('why a message to an outside system failed, in words for the task', () => {
  test('a platform down past the retry policy: what it answered, in Chinese', () => {
    expect(failureReason('政务服务网 unavailable: 503 {"error":"系统维护中"}', '政务服务网').zh).toBe(
      '政务服务网暂时无法接收（HTTP 503，平台答复：系统维护中），按重试策略多次重试后仍未成功',
    );
  });

  test('a refusal names the status and what the platform said; an answer outside the contract says it cannot be confirmed', () => {
    expect(failureReason('互联网+监管 refused the message: 422 {"message":"监管事项编码不存在"}', '互联网+监管系统').zh).toBe(
      '互联网+监管系统拒收该报文（HTTP 422，平台答复：监管事项编码不存在）',
    );
    expect(failureReason('credit platform answered outside the contract: x', '信用平台（双公示）').zh).toBe(
      '信用平台（双公示）的答复不符合接口约定，无法确认是否已接收',
    );
  });

  test('a reason already in Chinese (a message that could not meet its contract) stays; anything else is a connection failure', () => {
    expect(failureReason('报文不符合接口约定，未发送：处罚机关统一社会信用代码: 必填', '信用平台（双公示）').zh).toBe(
      '报文不符合接口约定，未发送：处罚机关统一社会信用代码: 必填',
    );
    expect(failureReason('fetch failed', '政务服务网').zh).toBe('无法连接政务服务网（网络错误：fetch failed）');
  });

  test('the status feed names the 办件编号 and the status', () => {
    expect(failedMessageSummary('gov-service', { applicationNo: 'ZW-1', status: 'AWAITING_CONSENT' })).toBe(
      '办理状态回传（办件编号 ZW-1，状态：待县级政府同意）',
    );
  });
});
