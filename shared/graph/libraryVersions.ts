/**
 * Versions of the libraries whose algorithms produce analysis results, recorded in every receipt.
 * test/unit/graph/libraryVersions.test.ts checks them against node_modules.
 */
export const LIBRARY_VERSIONS = {
  graphology: '0.26.0',
  'graphology-communities-louvain': '2.0.2',
  'graphology-metrics': '2.4.2',
  'graphology-shortest-path': '2.1.0',
} as const;

/**
 * Version of this project's own algorithms (coordination sweep, null model, exporters, k-core,
 * components, PageRank): 0.2.0 since their typed-array rewrites (same results); 0.3.0 since
 * coordination p-values read the null's fitted tail and q-values count every co-acting pair; 0.3.1
 * since the co-hashtag network folds Turkish İ as I, as the hashtag lists and search do (foldCase); 0.3.2
 * since it also folds Greek final ς as σ and German ß as ss (Unicode full case folding); 0.3.3 since
 * links compare an internationalised host as Punycode (co-URL, co-link: normaliseUrl, domainKey); 0.3.4
 * since another spelling of an author's own name is a mention of the account spelled so (the Mention
 * network), and an outside account known by id is labelled by its name in a retweet of it in every kind; 0.3.5
 * since the co-hashtag network folds hashtags as Search and the hashtag lists do (normalizeForSearch:
 * also Traditional and Simplified Chinese, Greek accents, the zero-width non-joiner and tatweel); 0.3.6
 * since it also leaves out every other invisible character inside a hashtag (a zero-width space, word
 * joiner, soft hyphen: normalizeForSearch); 0.3.7 since it folds Persian yeh and keheh as the Arabic
 * yeh and kaf (#ایران is #ايران: normalizeForSearch); 0.3.8 since it folds Arabic letter forms
 * (alef with hamza or madda as alef, teh marbuta as heh, alef maqsura as yeh) and leaves out the
 * harakat (#إيران is #ايران, #الجزيرة is #الجزيره: normalizeForSearch); 0.3.9 since it folds the
 * Persian ezafe on a heh (ۀ, هٔ) as heh (#مدرسۀ is #مدرسه: normalizeForSearch); 0.3.10 since it folds
 * Urdu's ezafe on a heh goal (ۂ) as the heh goal (#والدۂ is #والدہ: normalizeForSearch); 0.3.11 since
 * it leaves out Hebrew's points (#שָׁלוֹם is #שלום: normalizeForSearch).
 */
export const WORKBENCH_GRAPH_VERSION = '0.3.11';
