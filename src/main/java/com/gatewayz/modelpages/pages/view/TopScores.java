package com.gatewayz.modelpages.pages.view;

import java.util.Arrays;

/**
 * The best {@code limit} (score, catalog position) pairs offered so far: higher score first, equal
 * scores in catalog order, as a stable sort of the full scan orders them. Not thread-safe: one per
 * ranking.
 */
final class TopScores {

  private final int[] scores;
  private final int[] positions;
  private int size;

  TopScores(int limit) {
    this.scores = new int[Math.max(0, limit)];
    this.positions = new int[scores.length];
  }

  /**
   * True when no candidate at {@code position} or later scoring at most {@code best} can enter: the
   * top is full and its last is better, or as good and earlier.
   */
  boolean settledBefore(int best, int position) {
    if (scores.length == 0) {
      return true;
    }
    if (size < scores.length) {
      return false;
    }
    int last = size - 1;
    return scores[last] > best || (scores[last] == best && positions[last] < position);
  }

  void offer(int score, int position) {
    int at = size;
    while (at > 0 && ranksBefore(score, position, at - 1)) {
      at--;
    }
    if (at >= scores.length) {
      return;
    }
    int moved = Math.min(size, scores.length - 1) - at;
    System.arraycopy(scores, at, scores, at + 1, moved);
    System.arraycopy(positions, at, positions, at + 1, moved);
    scores[at] = score;
    positions[at] = position;
    size = Math.min(size + 1, scores.length);
  }

  private boolean ranksBefore(int score, int position, int index) {
    return score > scores[index] || (score == scores[index] && position < positions[index]);
  }

  int size() {
    return size;
  }

  /** The positions, best first. */
  int[] positions() {
    return Arrays.copyOf(positions, size);
  }
}
