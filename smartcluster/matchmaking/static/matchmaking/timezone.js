// Registration: preselect the browser's own time zone, so agendas show the participant's local times.
(function () {
  var select = document.querySelector("select[data-browser-zone]");
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (select && zone && select.querySelector('option[value="' + zone + '"]')) {
    select.value = zone;
  }
})();
