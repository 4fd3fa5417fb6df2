// Everything a SQL editor module needs from CodeMirror 6, as one ESM bundle.
export { EditorView, keymap, placeholder } from '@codemirror/view';
export { EditorState, Compartment } from '@codemirror/state';
export { basicSetup } from 'codemirror';
export { defaultKeymap, indentWithTab } from '@codemirror/commands';
export { autocompletion, completionKeymap } from '@codemirror/autocomplete';
export { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
export { tags } from '@lezer/highlight';
export {
  sql,
  SQLDialect,
  StandardSQL,
  PostgreSQL,
  MySQL,
  SQLite,
  keywordCompletionSource,
  schemaCompletionSource,
} from '@codemirror/lang-sql';
