import type { DigestSendResponse, DigestSendStatus } from "@practice-hub/shared";
import type { DeliveryRecord, DeliveryState } from "../jobs/types";

const sendStatusOf: Record<DeliveryState, DigestSendStatus> = {
  pending: "queued",
  sent: "sent",
  failed: "failed",
  unreachable: "unreachable",
};

/** Where one week's channel digest stands, from its delivery record (null: never queued). */
export function presentDigestSend(props: {
  key: string;
  week: string;
  record: Pick<DeliveryRecord, "state" | "updatedAt" | "reason"> | null;
}): DigestSendResponse {
  const { key, week, record } = props;
  if (!record) return { status: "notSent", key, week };
  const undelivered = record.state === "failed" || record.state === "unreachable";
  return {
    status: sendStatusOf[record.state],
    key,
    week,
    updatedAt: record.updatedAt,
    ...(undelivered && record.reason ? { reason: record.reason } : {}),
  };
}
