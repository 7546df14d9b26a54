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
