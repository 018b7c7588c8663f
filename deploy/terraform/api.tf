# The HTTP API: the bot's stable interface (docs/operations.md) in front of three functions, payload format 2.0.

resource "aws_apigatewayv2_api" "main" {
  name          = var.name
  protocol_type = "HTTP"
  description   = "Send Songs: Messenger and Telegram webhooks and listening-source registration"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.main.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.api_throttling_rate_limit
    throttling_burst_limit = var.api_throttling_burst_limit
  }

  # No query strings in the access log: they carry the verify token and the OAuth code and state.
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"time\":\"$context.requestTime\",\"route\":\"$context.routeKey\",\"status\":\"$context.status\",\"latencyMs\":\"$context.responseLatency\",\"integrationError\":\"$context.integrationErrorMessage\"}"
  }
}

resource "aws_apigatewayv2_integration" "webhook" {
  api_id                 = aws_apigatewayv2_api.main.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.function["webhook"].invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 29000
}

resource "aws_apigatewayv2_integration" "telegram_webhook" {
  api_id                 = aws_apigatewayv2_api.main.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.function["telegram_webhook"].invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 29000
}

resource "aws_apigatewayv2_integration" "registration" {
  api_id                 = aws_apigatewayv2_api.main.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.function["registration"].invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 29000
}

resource "aws_apigatewayv2_route" "webhook_verify" {
  api_id    = aws_apigatewayv2_api.main.id
  route_key = "GET /webhook"
  target    = "integrations/${aws_apigatewayv2_integration.webhook.id}"
}

resource "aws_apigatewayv2_route" "webhook_events" {
  api_id    = aws_apigatewayv2_api.main.id
  route_key = "POST /webhook"
  target    = "integrations/${aws_apigatewayv2_integration.webhook.id}"
}

resource "aws_apigatewayv2_route" "telegram_webhook" {
  api_id    = aws_apigatewayv2_api.main.id
  route_key = "POST /telegram/webhook"
  target    = "integrations/${aws_apigatewayv2_integration.telegram_webhook.id}"
}

resource "aws_apigatewayv2_route" "connect" {
  api_id    = aws_apigatewayv2_api.main.id
  route_key = "GET /connect"
  target    = "integrations/${aws_apigatewayv2_integration.registration.id}"
}

resource "aws_apigatewayv2_route" "callback" {
  api_id    = aws_apigatewayv2_api.main.id
  route_key = "GET /callback"
  target    = "integrations/${aws_apigatewayv2_integration.registration.id}"
}

# Each listening source's round trip: /connect/spotify, /connect/lastfm, /connect/listenbrainz, and their
# callbacks (ListenBrainz's paste form posts to its callback).
resource "aws_apigatewayv2_route" "connect_source" {
  api_id    = aws_apigatewayv2_api.main.id
  route_key = "GET /connect/{source}"
  target    = "integrations/${aws_apigatewayv2_integration.registration.id}"
}

resource "aws_apigatewayv2_route" "callback_source" {
  api_id    = aws_apigatewayv2_api.main.id
  route_key = "GET /callback/{source}"
  target    = "integrations/${aws_apigatewayv2_integration.registration.id}"
}

resource "aws_apigatewayv2_route" "pasted_source" {
  api_id    = aws_apigatewayv2_api.main.id
  route_key = "POST /callback/{source}"
  target    = "integrations/${aws_apigatewayv2_integration.registration.id}"
}

# API Gateway may invoke each alias only for its own paths.
resource "aws_lambda_permission" "webhook" {
  statement_id  = "ApiGatewayWebhook"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["webhook"].function_name
  qualifier     = aws_lambda_alias.function["webhook"].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.main.execution_arn}/*/*/webhook"
}

resource "aws_lambda_permission" "telegram_webhook" {
  statement_id  = "ApiGatewayTelegramWebhook"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["telegram_webhook"].function_name
  qualifier     = aws_lambda_alias.function["telegram_webhook"].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.main.execution_arn}/*/POST/telegram/webhook"
}

resource "aws_lambda_permission" "connect" {
  statement_id  = "ApiGatewayConnect"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["registration"].function_name
  qualifier     = aws_lambda_alias.function["registration"].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.main.execution_arn}/*/GET/connect"
}

resource "aws_lambda_permission" "callback" {
  statement_id  = "ApiGatewayCallback"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["registration"].function_name
  qualifier     = aws_lambda_alias.function["registration"].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.main.execution_arn}/*/GET/callback"
}

resource "aws_lambda_permission" "connect_source" {
  statement_id  = "ApiGatewayConnectSource"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["registration"].function_name
  qualifier     = aws_lambda_alias.function["registration"].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.main.execution_arn}/*/GET/connect/*"
}

resource "aws_lambda_permission" "callback_source" {
  statement_id  = "ApiGatewayCallbackSource"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["registration"].function_name
  qualifier     = aws_lambda_alias.function["registration"].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.main.execution_arn}/*/*/callback/*"
}
