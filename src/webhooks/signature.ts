import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks (standardwebhooks.com) signing: `webhook-signature` is `v1,<base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>">`. The id is the delivery's (the same on every retry, so receivers
 * can drop duplicates) and the timestamp is the attempt's, so a captured delivery cannot be replayed later:
 * receivers reject timestamps more than 5 minutes from their clock (the spec's and the library's tolerance).
 * A secret starting `whsec_` is the spec's base64 form; any other secret is used as raw UTF-8 bytes.
 */
export function signatureHeaders(secret: string, deliveryId: string, body: string, at: Date): Record<string, string> {
  const signer = secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
  return {
    'webhook-id': deliveryId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signer.sign(deliveryId, at, body),
  };
}
