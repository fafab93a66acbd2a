// natural's deep modules ship no declarations of their own. We import them one by one because
// `import natural from 'natural'` loads its storage back ends and dotenv, which print on import.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
