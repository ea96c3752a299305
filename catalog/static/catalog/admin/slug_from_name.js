// Slugs from names the way the server makes them: "GPT-5.3-Codex-Spark" → "gpt-5-3-codex-spark".
// Django's URLify drops dots ("5.3" → "53"), so they become spaces (then hyphens) first.
"use strict";
{
    const urlify = window.URLify;
    if (urlify) {
        window.URLify = (text, maxLength, allowUnicode) =>
            urlify(text.replace(/[./_:+]/g, " "), maxLength, allowUnicode);
    }
}
