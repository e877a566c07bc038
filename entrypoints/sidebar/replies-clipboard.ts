/** Copies text for the user to paste by hand, when an insertion failed. By then focus
 * is usually back in the page, where `navigator.clipboard` refuses an unfocused
 * frame; a selected textarea and the `copy` command (allowed to the extension by its
 * `clipboardWrite` permission) work there. */
export async function copyToClipboard(text: string): Promise<boolean> {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  try {
    area.focus();
    area.select();
    if (document.execCommand('copy')) return true;
  } catch {
    /* try the async API */
  } finally {
    area.remove();
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
