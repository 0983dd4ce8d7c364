package com.gatewayz.modelpages.pages.view;

import java.util.List;

/**
 * "Use this model" samples for the Gatewayz OpenAI-compatible API: cURL, Python (openai SDK) and
 * TypeScript (openai SDK), with the model id as a properly quoted literal in each language. The id
 * grammar allows no quotes, but the literals are escaped anyway. Immutable.
 */
public final class CodeSamples {

  public static final String BASE_URL = "https://api.gatewayz.ai/v1";

  private final String curl;
  private final String python;
  private final String typescript;

  private CodeSamples(String modelId) {
    String literal = StringLiterals.doubleQuoted(modelId);
    this.curl = curl(literal);
    this.python = python(literal);
    this.typescript = typescript(literal);
  }

  /** Samples for {@code modelId}; any string is accepted and quoted safely. */
  public static CodeSamples of(String modelId) {
    return new CodeSamples(modelId == null ? "" : modelId);
  }

  private static String curl(String jsonLiteral) {
    String body =
        """
        {
            "model": %s,
            "messages": [{"role": "user", "content": "Hello!"}]
          }\
        """
            .formatted(jsonLiteral);
    return """
    curl %s/chat/completions \\
      -H "Content-Type: application/json" \\
      -H "Authorization: Bearer $GATEWAYZ_API_KEY" \\
      -d '%s'
    """
        .formatted(BASE_URL, StringLiterals.insideShellSingleQuotes(body));
  }

  private static String python(String literal) {
    return """
    import os
    from openai import OpenAI

    client = OpenAI(
        base_url="%s",
        api_key=os.environ["GATEWAYZ_API_KEY"],
    )

    completion = client.chat.completions.create(
        model=%s,
        messages=[{"role": "user", "content": "Hello!"}],
    )
    print(completion.choices[0].message.content)
    """
        .formatted(BASE_URL, literal);
  }

  private static String typescript(String literal) {
    return """
    import OpenAI from "openai";

    const client = new OpenAI({
      baseURL: "%s",
      apiKey: process.env.GATEWAYZ_API_KEY,
    });

    const completion = await client.chat.completions.create({
      model: %s,
      messages: [{ role: "user", content: "Hello!" }],
    });
    console.log(completion.choices[0].message.content);
    """
        .formatted(BASE_URL, literal);
  }

  public String getCurl() {
    return curl;
  }

  public String getPython() {
    return python;
  }

  public String getTypescript() {
    return typescript;
  }

  /** The three samples in tab order. */
  public List<CodeSample> getAll() {
    return List.of(
        new CodeSample("curl", "cURL", "bash", curl),
        new CodeSample("python", "Python", "python", python),
        new CodeSample("typescript", "TypeScript", "typescript", typescript));
  }
}
