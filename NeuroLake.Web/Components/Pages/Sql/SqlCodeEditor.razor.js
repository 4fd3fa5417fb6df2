// CodeMirror 6 SQL editor for SqlCodeEditor.razor: SQL highlighting, catalog autocomplete (schemas, tables, columns),
// Mod-Enter runs the selection or the statement under the cursor, Shift-Mod-Enter runs everything.
import { EditorView, EditorState, Compartment, keymap, placeholder, basicSetup, sql, PostgreSQL } from '../../../lib/codemirror/codemirror.mjs';

const textChangedDelayMs = 300;

function snapshot(view) {
    const selection = view.state.selection.main;
    return { text: view.state.doc.toString(), from: selection.from, to: selection.to, cursor: selection.head };
}

// PostgreSQL's dialect is the closest CodeMirror has to DuckDB's (dollar quotes, :: casts, double-quoted names).
function language(schema) {
    return sql({ dialect: PostgreSQL, schema: schema ?? {}, upperCaseKeywords: true });
}

export function init(host, dotnet, text, key, schema, label) {
    const languageSlot = new Compartment();
    let pending = null;
    // Which document the text belongs to (the editor tab), so a late report is never filed under the next tab.
    let documentKey = key;
    const flush = view => {
        clearTimeout(pending);
        pending = null;
        // The circuit may be gone (reconnecting); the text is saved again with the next change.
        dotnet.invokeMethodAsync('TextChanged', documentKey, view.state.doc.toString()).catch(() => { });
    };
    const run = method => view => {
        clearTimeout(pending);
        pending = null;
        dotnet.invokeMethodAsync(method, snapshot(view)).catch(() => { });
        return true;
    };
    // Listed before basicSetup so these bindings win over its Mod-Enter (insert blank line).
    const runKeys = keymap.of([
        { key: 'Shift-Mod-Enter', run: run('RunAll'), preventDefault: true },
        { key: 'Mod-Enter', run: run('RunCurrent'), preventDefault: true },
    ]);
    const view = new EditorView({
        parent: host,
        state: EditorState.create({
            doc: text ?? '',
            extensions: [
                runKeys,
                basicSetup,
                languageSlot.of(language(schema)),
                placeholder('SELECT … — Ctrl+Enter runs the statement under the cursor, Ctrl+Shift+Enter runs all'),
                EditorView.contentAttributes.of({ 'aria-label': label ?? 'SQL' }),
                EditorView.updateListener.of(update => {
                    if (update.docChanged) {
                        clearTimeout(pending);
                        const changedKey = documentKey;
                        pending = setTimeout(() => { if (changedKey === documentKey) { flush(view); } }, textChangedDelayMs);
                    }
                }),
            ],
        }),
    });

    return {
        snapshot: () => snapshot(view),
        // Shows another document; its text is already saved, so the change it makes is not reported.
        setText: (value, key) => {
            clearTimeout(pending);
            pending = null;
            documentKey = key;
            view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value ?? '' }, selection: { anchor: 0 } });
            clearTimeout(pending);
            pending = null;
        },
        setSchema: value => view.dispatch({ effects: languageSlot.reconfigure(language(value)) }),
        // Selects a whole line (1-based) and scrolls to it: how an error points at its statement.
        selectLine: number => {
            const line = view.state.doc.line(Math.min(Math.max(number, 1), view.state.doc.lines));
            view.dispatch({ selection: { anchor: line.from, head: line.to }, scrollIntoView: true });
            view.focus();
        },
        focus: () => view.focus(),
        dispose: () => {
            clearTimeout(pending);
            view.destroy();
        },
    };
}
