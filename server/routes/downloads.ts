import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../domain/roles.js';
import { renderReceiptPdf } from '../lib/receipt-pdf.js';
import { receiptDocument } from '../services/receipts.js';

/** The OpenAPI description of a PDF answer. */
export const pdfResponse = {
  description: 'The receipt as an A4 PDF in Korean',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

/** Sends a file to download; never cached, since receipts and registers carry personal data. */
export function sendDownload(reply: FastifyReply, file: { type: string; name: string; body: string | Buffer }) {
  return reply.type(file.type).header('content-disposition', `attachment; filename="${file.name}"`).header('cache-control', 'no-store').send(file.body);
}

/** Renders a receipt (the registration number is decrypted for this only) and sends it named by its serial. */
export async function sendReceiptPdf(app: FastifyInstance, reply: FastifyReply, actor: Actor, id: number, donorIds?: number[]) {
  const document = receiptDocument(app.db, actor, app.cipher, id, donorIds);
  return sendDownload(reply, { type: 'application/pdf', name: `receipt-${document.serial}.pdf`, body: await renderReceiptPdf(document) });
}
