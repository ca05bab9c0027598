/** opencc-js's dictionaries, each a string of entries 'key value …|key value …' (OpenCC's .txt files). */
declare module 'opencc-js/dict/*' {
  const entries: string;
  export default entries;
}
