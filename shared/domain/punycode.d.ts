// The punycode package's ES module, by its file: a bare 'punycode' is Node's deprecated built-in in
// Node (the CLI, the tests), the package only in the browser build.
declare module 'punycode/punycode.es6.js' {
  export { toUnicode, toASCII, decode, encode } from 'punycode';
}
