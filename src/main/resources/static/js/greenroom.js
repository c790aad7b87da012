// Dashboard helpers: copy buttons, show/hide for secrets, and confirmations.
(function () {
  'use strict';

  function valueOf(el) {
    return el.dataset.value !== undefined ? el.dataset.value : el.textContent;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http on a LAN has no Clipboard API: fall back to a hidden text area.
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand('copy');
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button.copy, button.reveal');
    if (!button) {
      return;
    }
    var target = document.getElementById(button.dataset.target);
    if (!target) {
      return;
    }
    if (button.classList.contains('reveal')) {
      var shown = target.dataset.shown === 'true';
      target.textContent = shown ? target.dataset.masked : target.dataset.value;
      target.dataset.shown = shown ? 'false' : 'true';
      button.textContent = shown ? 'Show' : 'Hide';
      return;
    }
    var label = button.textContent;
    copyText(valueOf(target)).then(function () {
      button.textContent = 'Copied';
    }, function () {
      button.textContent = 'Select and copy by hand';
    }).then(function () {
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });

  document.addEventListener('submit', function (event) {
    var message = event.target.dataset.confirm;
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
