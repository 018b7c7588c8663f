locals {
  # The externally visible base URL: builds the connect link and the Spotify redirect URI.
  public_base_url = coalesce(var.public_base_url, aws_apigatewayv2_api.main.api_endpoint)

  # The runtime of every function (lambda.tf).
  java_runtime = "java21"
}
