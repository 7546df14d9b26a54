// Printing one part of a page (a receipt, the control slip, form 06): the
// print stylesheet shows only the element marked as the print target.

export function printElement(node: HTMLElement): void {
  node.classList.add('ws-print-target');
  document.body.classList.add('ws-printing');
  const done = () => {
    node.classList.remove('ws-print-target');
    document.body.classList.remove('ws-printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  try {
    window.print();
  } finally {
    // Browsers without afterprint (or a print that returned at once) still get the page back.
    setTimeout(done, 1000);
  }
}

/** Saves a Blob under a file name (a download, as a link with `download` makes it). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
