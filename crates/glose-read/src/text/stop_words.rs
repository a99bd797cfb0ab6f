//! Stop words per language, folded (lower case, no accents) and sorted (kept sorted for review;
//! `text::words::is_stop_word` looks them up in a hash set built once per list).

/// fr stop words.
pub const FR: &[&str] = &[
    "a", "ai", "aie", "aient", "aies", "ait", "alors", "as", "au", "aucun", "aucune", "aujourd",
    "aupres", "auquel", "aura", "aurai", "auraient", "aurais", "aurait", "auras", "aurez", "auriez",
    "aurons", "auront", "aussi", "autant", "autre", "autres", "aux", "auxquelles", "auxquels",
    "avaient", "avais", "avait", "avant", "avec", "avez", "aviez", "avions", "avoir", "avons",
    "ayant", "ayez", "ayons", "c", "ca", "car", "ce", "ceci", "cela", "celle", "celles", "celui",
    "cependant", "certes", "ces", "cet", "cette", "ceux", "chacun", "chaque", "chez", "ci", "comme",
    "comment", "d", "dans", "de", "des", "donc", "dont", "du", "elle", "elles", "en", "encore",
    "entre", "es", "est", "et", "etaient", "etais", "etait", "etant", "ete", "etes", "etiez",
    "etions", "etre", "eu", "eue", "eues", "eurent", "eus", "eut", "eux", "fait", "faut", "fois",
    "furent", "fut", "hors", "ici", "il", "ils", "j", "je", "jusqu", "l", "la", "laquelle", "le",
    "lequel", "les", "lesquelles", "lesquels", "leur", "leurs", "lors", "lorsqu", "lorsque", "lui",
    "m", "ma", "mais", "me", "meme", "memes", "mes", "moi", "moins", "mon", "n", "ne", "ni", "non",
    "nos", "notre", "nous", "on", "ont", "ou", "par", "parce", "pas", "peu", "peut", "plus", "pour",
    "pourquoi", "puis", "puisqu", "puisque", "qu", "quand", "que", "quel", "quelle", "quelles",
    "quels", "qui", "quoi", "s", "sa", "sans", "se", "sera", "serai", "seraient", "serais",
    "serait", "seras", "serez", "seriez", "serons", "seront", "ses", "si", "sien", "soi", "soient",
    "sois", "soit", "sommes", "son", "sont", "sous", "suis", "sur", "t", "ta", "te", "tes", "toi",
    "ton", "toujours", "tous", "tout", "toute", "toutes", "tres", "tu", "un", "une", "unes", "uns",
    "vers", "via", "voici", "voila", "vos", "votre", "vous", "y",
];

/// en stop words.
pub const EN: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "aren", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "cannot", "could", "couldn", "d", "did", "didn", "do", "does",
    "doesn", "doing", "don", "down", "during", "each", "even", "ever", "every", "few", "for",
    "from", "further", "had", "hadn", "has", "hasn", "have", "haven", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "isn", "it",
    "its", "itself", "just", "ll", "m", "may", "me", "might", "more", "most", "much", "must",
    "mustn", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "ourselves", "out", "over", "own", "re", "s", "same", "shall", "shan",
    "she", "should", "shouldn", "so", "some", "such", "t", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "us", "ve", "very", "via", "was", "wasn", "we", "were", "weren", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won", "would",
    "wouldn", "y", "yet", "you", "your", "yours", "yourself", "yourselves",
];

/// de stop words.
pub const DE: &[&str] = &[
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander",
    "andere", "anderem", "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "bin", "bis",
    "bist", "da", "damit", "dann", "das", "dass", "dasselbe", "dazu", "dein", "deine", "dem", "den",
    "denn", "der", "des", "deshalb", "dessen", "die", "dies", "diese", "dieselbe", "diesem",
    "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen",
    "einer", "eines", "einig", "er", "es", "etwas", "euch", "euer", "fur", "gegen", "gewesen",
    "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin", "hinter", "ich", "ihm", "ihn",
    "ihnen", "ihr", "ihre", "im", "in", "indem", "ins", "ist", "jede", "jedem", "jeden", "jeder",
    "jedes", "jene", "jetzt", "kann", "kein", "keine", "konnen", "konnte", "machen", "man",
    "manche", "mein", "meine", "mich", "mir", "mit", "muss", "musste", "nach", "nicht", "nichts",
    "noch", "nun", "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "selbst", "sich", "sie",
    "sind", "so", "solche", "soll", "sollte", "sondern", "sonst", "uber", "um", "und", "uns",
    "unser", "unter", "viel", "vom", "von", "vor", "war", "waren", "warst", "was", "weg", "weil",
    "weiter", "welche", "wenn", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wirst",
    "wo", "wollen", "wurde", "wurden", "zu", "zum", "zur", "zwar", "zwischen",
];

/// es stop words.
pub const ES: &[&str] = &[
    "a", "al", "algo", "algunas", "algunos", "ante", "antes", "como", "con", "contra", "cual",
    "cuando", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas", "ellos", "en",
    "entre", "era", "erais", "eran", "eras", "eres", "es", "esa", "esas", "ese", "eso", "esos",
    "esta", "estaba", "estaban", "estado", "estamos", "estan", "estar", "estas", "este", "esto",
    "estos", "estoy", "fue", "fueron", "fui", "ha", "habeis", "haber", "habia", "habian", "han",
    "has", "hasta", "hay", "la", "las", "le", "les", "lo", "los", "mas", "me", "mi", "mis", "mucho",
    "muchos", "muy", "nada", "ni", "no", "nos", "nosotros", "o", "os", "otra", "otras", "otro",
    "otros", "para", "pero", "poco", "por", "porque", "que", "quien", "quienes", "se", "sea", "ser",
    "si", "sido", "sin", "sobre", "son", "su", "sus", "tambien", "tanto", "te", "tenemos", "tener",
    "tiene", "tienen", "todo", "todos", "tu", "tus", "un", "una", "uno", "unos", "usted",
    "vosotros", "y", "ya", "yo",
];

/// it stop words.
pub const IT: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "anche", "avere", "aveva", "avevano",
    "c", "che", "chi", "ci", "come", "con", "contro", "cui", "da", "dagli", "dai", "dal", "dalla",
    "dalle", "dei", "del", "della", "delle", "dello", "di", "dove", "e", "ed", "era", "erano",
    "essere", "gli", "ha", "hanno", "ho", "i", "il", "in", "io", "la", "le", "lei", "lo", "loro",
    "lui", "ma", "mi", "mia", "mio", "ne", "negli", "nei", "nel", "nella", "nelle", "noi", "non",
    "o", "per", "perche", "piu", "poi", "quale", "quando", "quello", "questa", "questi", "questo",
    "se", "sei", "si", "sia", "siamo", "sono", "su", "sua", "sue", "sui", "sul", "sulla", "suo",
    "suoi", "tra", "tu", "tutti", "tutto", "un", "una", "uno", "vi", "voi",
];
