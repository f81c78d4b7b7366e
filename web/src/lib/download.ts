import { ApiError, networkProblem, type Problem } from '../api/client';

/**
 * Saves a file the API answers (a receipt PDF, the register as CSV or XLSX). The API needs the
 * bearer token, which a plain link cannot send, so the file is fetched and handed to the browser
 * as a download under the server's file name.
 */
export async function saveDownload(
  request: () => Promise<{ data?: Blob; error?: Problem | unknown; response: Response }>,
  fallbackName: string,
): Promise<void> {
  const { data, error, response } = await request().catch(() => ({ data: undefined, error: networkProblem(), response: undefined }));
  if (!data || !response) throw new ApiError((error as Problem | undefined) ?? networkProblem());
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
