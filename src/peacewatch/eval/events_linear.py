"""A small TF-IDF + multinomial logistic regression on numpy/scipy, for evaluation.

Hand-written rather than scikit-learn: the project would otherwise take a ~40 MB dependency for
one vectoriser and one solver used only by ``peacewatch eval events``; numpy and scipy are
already installed with spaCy. The solver is scipy's L-BFGS on the L2-penalised softmax loss.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from scipy.optimize import minimize  # type: ignore[import-untyped]

# Fixed a priori (not searched on the evaluation data): inverse L2 strength as in
# scikit-learn's C, and the minimum document frequency of a feature.
C = 10.0


def fit_softmax(x: sparse.csr_matrix, y: np.ndarray, c: float, maxiter: int) -> np.ndarray:
    """Multinomial logistic regression by L-BFGS: weights (features x classes) for ``x``, whose
    last column is the bias (left out of the L2 penalty 1/(2c)), and one-hot labels ``y``."""
    d, k = x.shape[1], y.shape[1]

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(d, k)
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        nll = -float(np.sum(y * np.log(p + 1e-12)))
        grad = x.T @ (p - y)
        grad[:-1] += w[:-1] / c
        return nll + 0.5 / c * float(np.sum(w[:-1] ** 2)), np.asarray(grad).ravel()

    res = minimize(loss, np.zeros(d * k), jac=True, method="L-BFGS-B", options={"maxiter": maxiter})
    return np.asarray(res.x.reshape(d, k))


MIN_DF = 2


def folds(n: int, k: int, seed: int = 13) -> Iterator[tuple[list[int], list[int]]]:
    order = np.random.default_rng(seed).permutation(n)
    for f in range(k):
        test = sorted(int(i) for i in order[f::k])
        held = set(test)
        yield [i for i in range(n) if i not in held], test


class TfidfLogReg:
    def __init__(self, classes: Sequence[str]) -> None:
        self.classes = list(classes)
        self.vocab: dict[str, int] = {}
        self.idf = np.zeros(0)
        self.w = np.zeros((0, 0))

    def _matrix(self, docs: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        rows, cols, vals = [], [], []
        for r, doc in enumerate(docs):
            counts = Counter(t for t in doc if t in self.vocab)
            for t, n in counts.items():
                rows.append(r)
                cols.append(self.vocab[t])
                vals.append((1.0 + math.log(n)) * self.idf[self.vocab[t]])
        x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(self.vocab)))
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ x)

    def fit(self, docs: Sequence[Sequence[str]], labels: Sequence[str]) -> TfidfLogReg:
        df = Counter(t for doc in docs for t in set(doc))
        terms = sorted(t for t, n in df.items() if n >= MIN_DF)
        self.vocab = {t: i for i, t in enumerate(terms)}
        n = len(docs)
        self.idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms])
        x = self._matrix(docs)
        x = sparse.hstack([x, np.ones((n, 1))]).tocsr()  # bias column
        k = len(self.classes)
        y = np.zeros((n, k))
        for i, lab in enumerate(labels):
            y[i, self.classes.index(lab)] = 1.0
        self.w = fit_softmax(x, y, C, maxiter=300)
        return self

    def predict(self, docs: Sequence[Sequence[str]]) -> list[str]:
        x = self._matrix(docs)
        x = sparse.hstack([x, np.ones((len(docs), 1))]).tocsr()
        return [self.classes[int(i)] for i in np.argmax(x @ self.w, axis=1)]
