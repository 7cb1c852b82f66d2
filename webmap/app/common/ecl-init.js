// Starts the Europa Component Library's scripts (site header, menu, language
// list, breadcrumb) on the elements marked data-ecl-auto-init. ecl-ec.js is a
// deferred classic script before this module, so ECL is defined here.
if (window.ECL) window.ECL.autoInit();
else console.error('ECL scripts (vendor/ecl/scripts/ecl-ec.js) did not load');
