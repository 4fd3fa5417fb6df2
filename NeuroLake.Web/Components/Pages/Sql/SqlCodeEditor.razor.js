// CodeMirror 6 SQL editor for SqlCodeEditor.razor: DuckDB highlighting, autocomplete of DuckDB's own words and the
// catalog's names (schemas, tables, columns), soft-wrapped lines, the theme's light or dark colours. Mod-Enter runs
// the selection or the statement under the cursor, Shift-Mod-Enter runs everything.
import {
    EditorView, EditorState, Compartment, keymap, placeholder, basicSetup, sql, SQLDialect, StandardSQL, PostgreSQL,
    HighlightStyle, syntaxHighlighting, tags,
} from '../../../lib/codemirror/codemirror.mjs';

const textChangedDelayMs = 300;

function snapshot(view) {
    const selection = view.state.selection.main;
    return { text: view.state.doc.toString(), from: selection.from, to: selection.to, cursor: selection.head };
}

// PostgreSQL's syntax is the closest CodeMirror has to DuckDB's (dollar quotes, :: casts, double-quoted names); its
// word list is not: it offers words DuckDB does not know ("whitespace", "cobol"). DuckDB's own words replace it.
function dialect(vocabulary) {
    if (!vocabulary) {
        return StandardSQL;
    }
    return SQLDialect.define({
        ...PostgreSQL.spec,
        keywords: vocabulary.keywords.join(' '),
        types: vocabulary.types.join(' '),
        builtin: vocabulary.functions.join(' '),
    });
}

// Keywords and types in capitals, functions as DuckDB names them; below the catalog's names in the list.
function completion(label, type) {
    return type === 'variable'
        ? { label: label.toLowerCase(), type: 'function', boost: -2 }
        : { label: label.toUpperCase(), type, boost: -1 };
}

function language(sqlDialect, schema) {
    return sql({ dialect: sqlDialect, schema: schema ?? {}, keywordCompletion: completion });
}

// Colours come from MudBlazor's CSS variables, so the editor follows the theme; `dark` tells CodeMirror which
// defaults (cursor, selection) to start from.
function theme(dark) {
    return EditorView.theme({
        '&': { backgroundColor: 'var(--mud-palette-surface)', color: 'var(--mud-palette-text-primary)' },
        '.cm-content': { caretColor: 'var(--mud-palette-text-primary)' },
        '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--mud-palette-text-primary)' },
        '.cm-gutters': {
            backgroundColor: 'var(--mud-palette-background-gray)', color: 'var(--mud-palette-text-secondary)',
            borderRight: '1px solid var(--mud-palette-lines-default)',
        },
        '.cm-activeLine': { backgroundColor: 'rgba(var(--mud-palette-primary-rgb), 0.06)' },
        '.cm-activeLineGutter': { backgroundColor: 'rgba(var(--mud-palette-primary-rgb), 0.12)' },
        '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
            { backgroundColor: 'rgba(var(--mud-palette-primary-rgb), 0.25)' },
        '.cm-tooltip': {
            backgroundColor: 'var(--mud-palette-surface)', color: 'var(--mud-palette-text-primary)',
            border: '1px solid var(--mud-palette-lines-default)',
        },
        '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
            backgroundColor: 'var(--mud-palette-primary)', color: 'var(--mud-palette-primary-text)',
        },
        '.cm-placeholder': { color: 'var(--mud-palette-text-secondary)' },
    }, { dark });
}

const lightHighlight = HighlightStyle.define([
    { tag: tags.keyword, color: '#7a1fa2', fontWeight: '600' },
    { tag: [tags.typeName], color: '#00695c' },
    { tag: [tags.standard(tags.name)], color: '#1565c0' },
    { tag: [tags.string, tags.special(tags.string)], color: '#a31515' },
    { tag: [tags.number, tags.bool, tags.null], color: '#b35c00' },
    { tag: [tags.lineComment, tags.blockComment], color: '#6a737d', fontStyle: 'italic' },
    { tag: tags.operator, color: '#5c6370' },
]);

const darkHighlight = HighlightStyle.define([
    { tag: tags.keyword, color: '#d7a6ff', fontWeight: '600' },
    { tag: [tags.typeName], color: '#6fd3c4' },
    { tag: [tags.standard(tags.name)], color: '#82b8ff' },
    { tag: [tags.string, tags.special(tags.string)], color: '#f4a58a' },
    { tag: [tags.number, tags.bool, tags.null], color: '#ffcb6b' },
    { tag: [tags.lineComment, tags.blockComment], color: '#8b949e', fontStyle: 'italic' },
    { tag: tags.operator, color: '#c0c6cf' },
]);

function colours(dark) {
    return [theme(dark), syntaxHighlighting(dark ? darkHighlight : lightHighlight)];
}

export function init(host, dotnet, options) {
    const languageSlot = new Compartment();
    const colourSlot = new Compartment();
    const sqlDialect = dialect(options.vocabulary);
    let pending = null;
    // Which document the text belongs to (the editor tab), so a late report is never filed under the next tab.
    let documentKey = options.key;
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
            doc: options.text ?? '',
            extensions: [
                runKeys,
                basicSetup,
                EditorView.lineWrapping,
                colourSlot.of(colours(options.dark)),
                languageSlot.of(language(sqlDialect, options.schema)),
                placeholder('SELECT … — Ctrl+Enter runs the statement under the cursor, Ctrl+Shift+Enter runs all'),
                EditorView.contentAttributes.of({ 'aria-label': options.label ?? 'SQL' }),
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
        setSchema: value => view.dispatch({ effects: languageSlot.reconfigure(language(sqlDialect, value)) }),
        setDark: dark => view.dispatch({ effects: colourSlot.reconfigure(colours(dark)) }),
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
