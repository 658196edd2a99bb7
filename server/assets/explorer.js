/*
 * The explorer's start script, served as /explorer/explorer.js (server/src/http/explorer.ts):
 * GraphiQL (the UMD build, global `GraphiQL`) with the settings the page carries in
 * #explorer-settings — the endpoint, the headers (a development token, or none) and the tabs.
 * Tabs, query, variables and headers are not restored from the browser's storage: each load
 * opens with the page's settings, so a token from an earlier visit never lingers; history
 * and theme are kept (localStorage).
 */
(function () {
  var settings = JSON.parse(document.getElementById('explorer-settings').textContent);
  var fresh = /(tabState|query|variables|headers)$/;
  var storage = {
    getItem: function (k) { return fresh.test(k) ? null : localStorage.getItem(k); },
    setItem: function (k, v) { if (!fresh.test(k)) localStorage.setItem(k, v); },
    removeItem: function (k) { localStorage.removeItem(k); },
    clear: function () { localStorage.clear(); },
    key: function (i) { return localStorage.key(i); },
    get length() { return localStorage.length; },
  };
  var fetcher = GraphiQL.createFetcher({ url: new URL(settings.url, location.href).href });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: settings.tabs,
      // The editors start from these props (not from the tabs): the first tab's, so they agree.
      query: settings.tabs[0].query,
      variables: settings.tabs[0].variables,
      headers: settings.headers,
      shouldPersistHeaders: false,
      storage: storage,
      defaultEditorToolsVisibility: settings.headers ? 'headers' : 'variables',
    }),
  );
})();
