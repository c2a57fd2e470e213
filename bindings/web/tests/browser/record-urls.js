// Imported first by page.js: records every object URL the page creates and
// revokes on window.report (page.js adds error events), for run.mjs to read.
window.report = { created: [], revoked: [], errors: [] };
const create = URL.createObjectURL.bind(URL);
const revoke = URL.revokeObjectURL.bind(URL);
URL.createObjectURL = (object) => {
  const url = create(object);
  window.report.created.push(url);
  return url;
};
URL.revokeObjectURL = (url) => {
  window.report.revoked.push(url);
  revoke(url);
};
