// The form designer page (/designer/forms/{id}): hosts the form-js editor (FormEditor, from form-editor.umd.js) and
// opens, saves and publishes the form through /api/forms with the signed-in session (same-origin fetch; the API
// refuses cross-site writes by Fetch Metadata). The server validates every save: its problems are shown as sent.
(() => {
  'use strict';
  const page = document.getElementById('form-designer');
  const idInput = document.getElementById('fd-form-id');
  const nameInput = document.getElementById('fd-form-name');
  const saveButton = document.getElementById('fd-save');
  const publishButton = document.getElementById('fd-publish');
  const status = document.getElementById('fd-status');
  const problems = document.getElementById('fd-problems');

  const state = {
    isNew: page.dataset.new === 'true',
    formId: page.dataset.formId || '',
    version: null,
    isPublished: false,
    stamp: null,
    dirty: false,
    busy: false,
  };

  const editor = new FormEditor.FormEditor({ container: document.getElementById('fd-editor') });
  editor.on('changed', () => { state.dirty = true; describe(); });
  nameInput.addEventListener('input', () => { state.dirty = true; describe(); });
  saveButton.addEventListener('click', () => run(save));
  publishButton.addEventListener('click', () => run(publish));

  const apiUrl = (suffix = '') => '/api/forms/' + encodeURIComponent(state.formId) + suffix;

  function describe(message) {
    if (message) {
      status.textContent = message;
    } else if (state.version === null) {
      status.textContent = state.dirty ? 'Not saved yet.' : 'New form: add fields from the palette, then save.';
    } else {
      const where = `Version ${state.version}, ${state.isPublished ? 'published' : 'draft'}`;
      status.textContent = state.dirty ? `${where}; unsaved changes.` : `${where}.`;
    }
    saveButton.disabled = state.busy;
    publishButton.disabled = state.busy || (state.isPublished && !state.dirty);
  }

  function clearProblems() {
    problems.replaceChildren();
    problems.classList.remove('fd-shown');
  }

  // Shows a heading and one line per problem (path and message), as text: nothing the server sends becomes markup.
  function showProblems(heading, items = [], action = null) {
    const title = document.createElement('p');
    title.className = 'fd-problems-title';
    title.textContent = heading;
    const children = [title];
    if (items.length > 0) {
      const list = document.createElement('ul');
      for (const { path, message } of items) {
        const item = document.createElement('li');
        if (path) {
          const code = document.createElement('code');
          code.textContent = path;
          item.append(code, ': ');
        }
        item.append(message);
        list.append(item);
      }
      children.push(list);
    }
    if (action) children.push(action);
    problems.replaceChildren(...children);
    problems.classList.add('fd-shown');
  }

  async function problemItems(response) {
    try {
      const problem = await response.json();
      const items = [];
      for (const [path, messages] of Object.entries(problem.errors || {})) {
        for (const message of Array.isArray(messages) ? messages : [messages]) items.push({ path, message: String(message) });
      }
      if (items.length === 0 && (problem.detail || problem.title)) items.push({ path: '', message: problem.detail || problem.title });
      return items;
    } catch {
      return [];
    }
  }

  function reloadLink() {
    const link = document.createElement('a');
    link.href = '/designer/forms/' + encodeURIComponent(state.formId);
    link.textContent = 'Reload the form';
    return link;
  }

  async function refused(response, doing) {
    if (response.status === 409) {
      showProblems('Someone else saved this form since you opened it; reload. Your changes were not saved.', await problemItems(response), reloadLink());
    } else if (response.status === 400) {
      showProblems(`The form was not ${doing}: fix these problems and try again.`, await problemItems(response));
    } else if (response.status === 401) {
      showProblems('Your session has ended. Sign in again in another tab, then try again; your changes are still here.');
    } else if (response.status === 403) {
      showProblems('Your account may not change forms (the designer role is needed).');
    } else {
      showProblems(`The form was not ${doing} (the server answered ${response.status}).`, await problemItems(response));
    }
  }

  function apply(form) {
    state.version = form.version;
    state.isPublished = !!form.isPublished;
    state.stamp = form.concurrencyStamp;
  }

  function send(method, url, body) {
    return fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async function run(action) {
    if (state.busy) return;
    state.busy = true;
    describe(status.textContent);
    try {
      await action();
    } catch (error) {
      showProblems('The designer could not reach CareFlow: ' + error.message);
    } finally {
      state.busy = false;
      describe(status.textContent);
    }
  }

  async function save() {
    clearProblems();
    if (state.isNew) {
      const id = idInput.value.trim();
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
        showProblems('The form was not saved.', [{ path: 'Form id', message: 'Enter an id of lower-case letters, digits and hyphens, starting with a letter or digit (at most 64).' }]);
        idInput.focus();
        return false;
      }
      if (id === 'new') {
        showProblems('The form was not saved.', [{ path: 'Form id', message: '"new" opens an empty form in the designer; choose another id.' }]);
        idInput.focus();
        return false;
      }
      state.formId = id;
    }
    const schema = editor.saveSchema();
    schema.id = state.formId;
    schema.name = nameInput.value.trim();
    const response = await send('PUT', apiUrl(), { schema, concurrencyStamp: state.stamp });
    if (!response.ok) {
      await refused(response, 'saved');
      return false;
    }
    apply(await response.json());
    state.dirty = false;
    if (state.isNew) {
      state.isNew = false;
      idInput.readOnly = true;
      history.replaceState(null, '', '/designer/forms/' + encodeURIComponent(state.formId));
      document.title = state.formId + ' · CareFlow form designer';
    }
    describe(`Saved as version ${state.version} (${state.isPublished ? 'published' : 'draft'}).`);
    return true;
  }

  async function publish() {
    if ((state.dirty || state.version === null) && !(await save())) return;
    clearProblems();
    const response = await send('POST', apiUrl('/publish'), { version: state.version });
    if (!response.ok) {
      await refused(response, 'published');
      return;
    }
    apply(await response.json());
    state.dirty = false;
    describe(`Published version ${state.version}.`);
  }

  async function open() {
    if (state.isNew) {
      await editor.importSchema({ type: 'default', components: [] });
      state.dirty = false;
      describe();
      return;
    }
    const response = await fetch(apiUrl('?latest=true'), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 404) {
      showProblems(`There is no form "${state.formId}".`);
      describe('Nothing to edit.');
      publishButton.disabled = saveButton.disabled = true;
      return;
    }
    if (!response.ok) {
      await refused(response, 'opened');
      describe('Nothing to edit.');
      publishButton.disabled = saveButton.disabled = true;
      return;
    }
    const form = await response.json();
    nameInput.value = form.name || form.schema?.name || '';
    await editor.importSchema(form.schema);
    apply(form);
    state.dirty = false;
    describe();
  }

  open().catch(error => {
    showProblems('The form could not be opened: ' + error.message);
    describe('Nothing to edit.');
  });
})();
