/// German function words that carry no meaning for search; neither indexed nor searched.
///
/// The list travels in the index manifest, so the browser client drops the same words.
public enum Stopwords {
    /// Folded forms (see ``GermanFolding``).
    public static let german: Set<String> = Set([
        "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "da", "das", "dass", "dem", "den", "der",
        "des", "die", "dies", "diese", "dieser", "dieses", "doch", "durch", "ein", "eine", "einem", "einen", "einer",
        "eines", "er", "es", "fur", "hat", "im", "in", "ist", "ja", "mit", "nach", "nicht", "noch", "nur", "ob", "oder",
        "sich", "sie", "sind", "so", "um", "und", "uns", "vom", "von", "vor", "war", "was", "wie", "wir", "wird",
        "wo", "zu", "zum", "zur", "uber", "unter", "sowie", "bzw", "soweit", "wenn", "werden", "wurde", "kann",
        "ihre", "ihr", "sein", "seine", "einer", "man", "the", "of", "and",
    ].map(GermanFolding.fold))
}
