namespace CareFlow.Web.Designer;

/// <summary>CareFlow's own small script and stylesheet for the host pages (served from memory, no build step).</summary>
internal static class DesignerAssets
{
    public const string ScriptPath = "/designer/careflow/designer.js";
    public const string StylePath = "/designer/careflow/designer.css";

    // Studio calls new Uri(remote-endpoint), so it needs an absolute URL; the page derives it from its own
    // origin (correct behind a reverse proxy too). The list's "edit" callback opens CareFlow's editor page.
    public const string Script = """
        // Studio's editor defines window.editorHotkeys in an inline script; keep Ctrl+S working if that is ever blocked.
        window.editorHotkeys = window.editorHotkeys || {
          register(dotNetRef) {
            this._handler = e => {
              if ((e.ctrlKey || e.metaKey) && e.key === 's' && !e.shiftKey) { e.preventDefault(); dotNetRef.invokeMethodAsync('OnHotKeysCtrlS'); }
              if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key === 'S') { e.preventDefault(); dotNetRef.invokeMethodAsync('OnHotKeysCtrlShiftS'); }
            };
            window.addEventListener('keydown', this._handler);
          },
          dispose() { if (this._handler) { window.removeEventListener('keydown', this._handler); this._handler = null; } },
        };
        for (const element of document.querySelectorAll('[data-careflow-endpoint]')) {
          element.setAttribute('remote-endpoint', new URL(element.dataset.careflowEndpoint, location.origin).href);
        }
        for (const name of ['elsa-workflow-definition-list', 'elsa-workflow-instance-viewer']) {
          customElements.whenDefined(name).then(() => {
            for (const element of document.querySelectorAll(name)) {
              element.editWorkflowDefinition = id => { location.href = '/designer/' + encodeURIComponent(id); };
            }
          });
        }
        """;

    public const string Style = """
        html, body { margin: 0; height: 100%; }
        body { display: flex; flex-direction: column; font-family: Roboto, 'Helvetica Neue', Helvetica, Arial, sans-serif; }
        .careflow-bar { display: flex; gap: 1rem; align-items: center; padding: .4rem 1rem; background: #1b3a4b; color: #fff; font-size: .9rem; }
        .careflow-bar a, .careflow-bar button { color: #fff; }
        .careflow-bar button { background: none; border: 1px solid #fff8; border-radius: 4px; cursor: pointer; padding: .15rem .6rem; }
        .careflow-bar .spacer { flex: 1; }
        .careflow-bar form { margin: 0; }
        .careflow-readonly { background: #fff3cd; color: #5c4400; padding: .3rem 1rem; font-size: .85rem; }
        .careflow-studio { flex: 1; min-height: 0; overflow: auto; }
        elsa-workflow-definition-editor, elsa-workflow-definition-list, elsa-workflow-instance-viewer { display: block; height: 100%; }
        .careflow-definitions { padding: .5rem 1rem 1rem; font-size: .9rem; }
        .careflow-definitions table { border-collapse: collapse; }
        .careflow-definitions td, .careflow-definitions th { padding: .2rem .8rem; border-bottom: 1px solid #ddd; text-align: left; }
        #blazor-error-ui { display: none; position: fixed; bottom: 0; left: 0; right: 0; padding: .6rem 1rem; background: #ffe6e6; z-index: 1000; }
        #blazor-error-ui .dismiss { cursor: pointer; float: right; }
        """;
}
