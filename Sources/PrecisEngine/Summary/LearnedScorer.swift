/// The default algorithm's sentence score: logistic regression over ``SentenceFeatures``, with the weights that
/// `dev/train-summary.py` learned (``SummaryModel``, generated). The score is the model's probability that the
/// sentence belongs to a summary; ``MMR`` then picks by it, skipping near-duplicates. O(n · features).
/// `SummaryModelTests` checks that the model's feature names are ``SentenceFeatures/names``.
enum LearnedScorer {
    /// Probability-like scores in `(0, 1)`, one per row.
    static func scores(_ rows: [[Double]]) -> [Double] {
        rows.map { row in
            var z = SummaryModel.intercept
            for (value, weight) in zip(row, SummaryModel.weights) { z += value * weight }
            return 1 / (1 + (-z).exponential())
        }
    }
}
