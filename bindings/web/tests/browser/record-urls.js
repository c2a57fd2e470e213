// Imported first by page.js: records every object URL the page creates and
// revokes on window.report (page.js adds error events), for run.mjs to read.
// Exported, not just run: the package's sideEffects list lets a bundler drop
// a bare import of this file.
export const report = { created: [], revoked: [], errors: [] };
window.report = report;
const create = URL.createObjectURL.bind(URL);
const revoke = URL.revokeObjectURL.bind(URL);
URL.createObjectURL = (object) => {
  const url = create(object);
  report.created.push(url);
  return url;
};
URL.revokeObjectURL = (url) => {
  report.revoked.push(url);
  revoke(url);
};
