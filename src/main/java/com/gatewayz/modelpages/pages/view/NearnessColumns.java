package com.gatewayz.modelpages.pages.view;

/**
 * The price and context of every model of one {@link SimilarityIndex}, by catalog position, as
 * {@link SimilarModels} scores their nearness: the price's sign, double and scaled long, and the
 * context, each in an array, so scoring a candidate does not follow its {@link ModelTraits} and
 * {@code BigDecimal} across the heap. The traits are kept for a price ratio the longs cannot
 * decide. Filled once while the index is built, then read-only.
 */
final class NearnessColumns {

  private final ModelTraits[] traits;
  private final int[] priceSigns;
  private final double[] approximatePrices;
  private final long[] scaledPrices;
  private final long[] contexts;

  NearnessColumns(int size) {
    this.traits = new ModelTraits[size];
    this.priceSigns = new int[size];
    this.approximatePrices = new double[size];
    this.scaledPrices = new long[size];
    this.contexts = new long[size];
  }

  void set(int position, ModelTraits model) {
    traits[position] = model;
    priceSigns[position] = model.priceSign();
    approximatePrices[position] = model.approximatePrice();
    scaledPrices[position] = model.scaledPrice();
    contexts[position] = model.context();
  }

  ModelTraits traits(int position) {
    return traits[position];
  }

  /** The price and context part of {@link SimilarModels#score} of the model at {@code position}. */
  int score(ModelTraits target, int position) {
    int price =
        SimilarModels.priceScore(
            target.priceSign(),
            target.approximatePrice(),
            target.scaledPrice(),
            priceSigns[position],
            approximatePrices[position],
            scaledPrices[position],
            target,
            traits[position]);
    return price + SimilarModels.contextScore(target.context(), contexts[position]);
  }
}
