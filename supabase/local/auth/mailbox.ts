import type { ServiceHandler } from '../context.ts';
import { sendJson } from '../http.ts';

/** An email the local stack "sent": kept in memory instead of going out over SMTP. */
export interface MailMessage {
  id: number;
  to: string;
  subject: string;
  /** The one-time code the message carries. */
  code: string;
  sentAt: Date;
}

const KEEP = 100;

/** The last `KEEP` messages, in memory only: a restart empties the mailbox, like Inbucket's. */
export class Mailbox {
  private messages: MailMessage[] = [];
  private nextId = 1;

  constructor(private readonly onSend: (message: MailMessage) => void = () => {}) {}

  send(to: string, subject: string, code: string, sentAt: Date): MailMessage {
    const message = { id: this.nextId++, to, subject, code, sentAt };
    this.messages.push(message);
    if (this.messages.length > KEEP) this.messages.splice(0, this.messages.length - KEEP);
    this.onSend(message);
    return message;
  }

  /** Newest first; `to` keeps only messages to that address (case-insensitive). */
  list(to?: string): MailMessage[] {
    const wanted = to?.toLowerCase();
    return this.messages.filter((m) => !wanted || m.to.toLowerCase() === wanted).reverse();
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function renderPage(messages: MailMessage[], to: string | undefined): string {
  const rows = messages
    .map(
      (m) => `      <tr>
        <td>${escapeHtml(m.to)}</td>
        <td>${escapeHtml(m.subject)}</td>
        <td><code>${escapeHtml(m.code)}</code></td>
        <td><time datetime="${m.sentAt.toISOString()}">${escapeHtml(m.sentAt.toISOString().replace('T', ' ').slice(0, 19))} UTC</time></td>
      </tr>`,
    )
    .join('\n');
  const heading = to ? `Mail to ${escapeHtml(to)}` : 'Mailbox';
  const body = messages.length
    ? `<table>
      <caption>Newest first. Codes are valid for one hour.</caption>
      <thead>
        <tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Code</th><th scope="col">Sent</th></tr>
      </thead>
      <tbody>
${rows}
      </tbody>
    </table>`
    : '<p>No messages yet. Request a sign-in code in the app and reload this page.</p>';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${heading} · local Supabase stack</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
      table { border-collapse: collapse; }
      caption { text-align: left; padding-bottom: .5rem; }
      th, td { text-align: left; padding: .4rem .8rem; border-bottom: 1px solid #ccc; }
      code { font-size: 1.25rem; letter-spacing: .1em; }
    </style>
  </head>
  <body>
    <main>
      <h1>${heading}</h1>
      <p>Emails the local stack would have sent (the last ${KEEP}). <a href="">Reload</a></p>
      ${body}
    </main>
  </body>
</html>
`;
}

/**
 * The `/mailbox` page: HTML for people, `?format=json` for tests and scripts; `?to=` filters by
 * recipient. It lists codes that sign anyone in, so it exists only on the local stack.
 */
export function mailboxHandler(mailbox: Mailbox): ServiceHandler {
  return async (req, res, _path, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { message: 'Method Not Allowed' }, { allow: 'GET, HEAD' });
      return;
    }
    const to = url.searchParams.get('to') ?? undefined;
    const messages = mailbox.list(to);
    if (url.searchParams.get('format') === 'json') {
      sendJson(
        res,
        200,
        {
          messages: messages.map((m) => ({
            id: m.id,
            to: m.to,
            subject: m.subject,
            code: m.code,
            sent_at: m.sentAt.toISOString(),
          })),
        },
        { 'cache-control': 'no-store' },
      );
      return;
    }
    const html = renderPage(messages, to);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'",
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  };
}
