// Meizhi: small progressive enhancements. No inline scripts anywhere (the CSP forbids them).
(function () {
  'use strict';
  // A form marked data-submit-once cannot be sent twice by a double click.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-submit-once')) {
      return;
    }
    if (form.dataset.submitting === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
    form.querySelectorAll('button[type="submit"]').forEach(function (button) {
      button.setAttribute('aria-disabled', 'true');
      button.classList.add('disabled');
    });
  });
})();
// A button marked data-print prints the page (the certificate page's print button).
document.addEventListener('click', function (event) {
  'use strict';
  var button = event.target.closest ? event.target.closest('[data-print]') : null;
  if (button) {
    window.print();
  }
});
// A checkbox marked data-select-all="name" ticks or clears every checkbox of that name in its form.
document.addEventListener('change', function (event) {
  'use strict';
  var all = event.target;
  if (!all.hasAttribute || !all.hasAttribute('data-select-all')) {
    return;
  }
  all.form.querySelectorAll('input[type="checkbox"][name="' + all.getAttribute('data-select-all') + '"]')
    .forEach(function (box) {
      if (!box.disabled) {
        box.checked = all.checked;
      }
    });
});
