// The only script: it enhances pages that already work without it. Served from /assets (CSP: script-src 'self').
// - fills hidden inputs[data-browser-zone] with the zone the browser reports, so step 2 opens in it;
// - the zone picker re-renders on change; when the server fell back to the owner's zone (data-zone-guess),
//   it switches to the browser's zone once;
// - inputs[data-copy] get a Copy button;
// - a form sent back with errors moves the focus to its error summary.
export const bookingScript = `(function () {
  "use strict";
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) {}
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  document.querySelectorAll("input[data-browser-zone]").forEach(function (input) {
    if (zone && !input.value) input.value = zone;
  });
  document.querySelectorAll("select[data-zone-picker]").forEach(function (select) {
    var form = select.form;
    if (!form) return;
    select.addEventListener("change", function () { form.submit(); });
    if (!select.hasAttribute("data-zone-guess") || !zone || select.value === zone) return;
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
    if (!known) select.add(new Option(zone.replace(/_/g, " "), zone));
    select.value = zone;
    form.submit();
  });
  document.querySelectorAll("input[data-copy]").forEach(function (input) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = input.getAttribute("data-copy");
    button.addEventListener("click", function () {
      input.select();
      var done = function () { button.textContent = input.getAttribute("data-copied") || button.textContent; };
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, function () {});
      else if (document.execCommand("copy")) done();
    });
    input.insertAdjacentElement("afterend", button);
  });
})();
`;
