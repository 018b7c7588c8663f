# Five functions, one role each (see docs/architecture.md, "Lambda runtime"):
#   webhook      GET and POST /webhook   checks and queues Messenger's events; no table, no page token
#   telegram_webhook POST /telegram/webhook checks and queues Telegram's updates; no table
#   inbound      the intake queue        everything a message can do
#   registration GET /connect[/{source}], GET|POST /callback[/{source}]  every source's consent round trip
#   tick         EventBridge Scheduler   due listen checks and message retries
# Each is published as a version with SnapStart, and everything invokes it through its "live" alias.

# ---- webhook ----

resource "aws_cloudwatch_log_group" "webhook" {
  name              = "/aws/lambda/${var.name}-webhook"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "webhook" {
  function_name    = "${var.name}-webhook"
  description      = "Messenger webhook: verification, and signed events onto the intake queue (secrets revision ${var.secrets_revision})"
  role             = aws_iam_role.webhook.arn
  runtime          = local.java_runtime
  handler          = "app.sendsongs.lambda.WebhookHandler::handleRequest"
  filename         = var.lambda_jar
  source_code_hash = filebase64sha256(var.lambda_jar)
  memory_size      = var.lambda_memory_mb
  # Well within the 20 s Messenger waits: it only checks, reads and queues.
  timeout = 10
  publish = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = {
      MESSENGER_APP_SECRET_PARAMETER   = aws_ssm_parameter.messenger_app_secret.name
      MESSENGER_VERIFY_TOKEN_PARAMETER = aws_ssm_parameter.messenger_verify_token.name
      INBOUND_QUEUE_URL                = aws_sqs_queue.inbound.url
    }
  }

  depends_on = [aws_cloudwatch_log_group.webhook, aws_iam_role_policy.webhook]
}

resource "aws_lambda_alias" "webhook" {
  name             = "live"
  function_name    = aws_lambda_function.webhook.function_name
  function_version = aws_lambda_function.webhook.version
}

# ---- telegram webhook ----

resource "aws_cloudwatch_log_group" "telegram_webhook" {
  name              = "/aws/lambda/${var.name}-telegram-webhook"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "telegram_webhook" {
  function_name    = "${var.name}-telegram-webhook"
  description      = "Telegram webhook: updates with the secret onto the intake queue (secrets revision ${var.secrets_revision})"
  role             = aws_iam_role.telegram_webhook.arn
  runtime          = local.java_runtime
  handler          = "app.sendsongs.lambda.TelegramWebhookHandler::handleRequest"
  filename         = var.lambda_jar
  source_code_hash = filebase64sha256(var.lambda_jar)
  memory_size      = var.lambda_memory_mb
  # It only checks, reads and queues; Telegram sends the update again when it is not answered 2xx.
  timeout = 10
  publish = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = {
      TELEGRAM_WEBHOOK_SECRET_PARAMETER = aws_ssm_parameter.telegram_webhook_secret.name
      TELEGRAM_BOT_TOKEN_PARAMETER      = aws_ssm_parameter.telegram_bot_token.name
      INBOUND_QUEUE_URL                 = aws_sqs_queue.inbound.url
    }
  }

  depends_on = [aws_cloudwatch_log_group.telegram_webhook, aws_iam_role_policy.telegram_webhook]
}

resource "aws_lambda_alias" "telegram_webhook" {
  name             = "live"
  function_name    = aws_lambda_function.telegram_webhook.function_name
  function_version = aws_lambda_function.telegram_webhook.version
}

# ---- inbound ----

resource "aws_cloudwatch_log_group" "inbound" {
  name              = "/aws/lambda/${var.name}-inbound"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "inbound" {
  function_name    = "${var.name}-inbound"
  description      = "Messenger's and Telegram's events from the intake queue, handled in order per person (secrets revision ${var.secrets_revision})"
  role             = aws_iam_role.inbound.arn
  runtime          = local.java_runtime
  handler          = "app.sendsongs.lambda.InboundHandler::handleRequest"
  filename         = var.lambda_jar
  source_code_hash = filebase64sha256(var.lambda_jar)
  memory_size      = var.lambda_memory_mb
  # The queue's visibility timeout (sqs.tf) is six times this.
  timeout = 60
  publish = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = {
      DYNAMODB_TABLE                        = aws_dynamodb_table.main.name
      PUBLIC_BASE_URL                       = local.public_base_url
      SPOTIFY_CLIENT_ID                     = var.spotify_client_id
      MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER = aws_ssm_parameter.messenger_page_access_token.name
      TELEGRAM_BOT_TOKEN_PARAMETER          = aws_ssm_parameter.telegram_bot_token.name
      SPOTIFY_CLIENT_SECRET_PARAMETER       = aws_ssm_parameter.spotify_client_secret.name
      TOKEN_ENCRYPTION_KEY_PARAMETER        = aws_ssm_parameter.token_encryption_key.name
      INBOUND_QUEUE_URL                     = aws_sqs_queue.inbound.url
      WATCH_SCHEDULE                        = var.watch_schedule
      WATCH_GRACE                           = var.watch_grace
      LASTFM_API_KEY                        = var.lastfm_api_key
      LASTFM_SHARED_SECRET_PARAMETER        = aws_ssm_parameter.lastfm_shared_secret.name
      MESSENGER_GRAPH_VERSION               = var.graph_api_version
      MESSENGER_PAGE                        = var.messenger_page
    }
  }

  depends_on = [aws_cloudwatch_log_group.inbound, aws_iam_role_policy.inbound]
}

resource "aws_lambda_alias" "inbound" {
  name             = "live"
  function_name    = aws_lambda_function.inbound.function_name
  function_version = aws_lambda_function.inbound.version
}

# ---- registration ----

resource "aws_cloudwatch_log_group" "registration" {
  name              = "/aws/lambda/${var.name}-registration"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "registration" {
  function_name    = "${var.name}-registration"
  description      = "Connect round trips of every listening source: /connect and /callback (secrets revision ${var.secrets_revision})"
  role             = aws_iam_role.registration.arn
  runtime          = local.java_runtime
  handler          = "app.sendsongs.lambda.RegistrationHandler::handleRequest"
  filename         = var.lambda_jar
  source_code_hash = filebase64sha256(var.lambda_jar)
  memory_size      = var.lambda_memory_mb
  timeout          = 15
  publish          = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = {
      DYNAMODB_TABLE                        = aws_dynamodb_table.main.name
      PUBLIC_BASE_URL                       = local.public_base_url
      SPOTIFY_CLIENT_ID                     = var.spotify_client_id
      SPOTIFY_CLIENT_SECRET_PARAMETER       = aws_ssm_parameter.spotify_client_secret.name
      TOKEN_ENCRYPTION_KEY_PARAMETER        = aws_ssm_parameter.token_encryption_key.name
      MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER = aws_ssm_parameter.messenger_page_access_token.name
      TELEGRAM_BOT_TOKEN_PARAMETER          = aws_ssm_parameter.telegram_bot_token.name
      LASTFM_API_KEY                        = var.lastfm_api_key
      LASTFM_SHARED_SECRET_PARAMETER        = aws_ssm_parameter.lastfm_shared_secret.name
      WATCH_SCHEDULE                        = var.watch_schedule
      MESSENGER_GRAPH_VERSION               = var.graph_api_version
      MESSENGER_PAGE                        = var.messenger_page
      WATCH_GRACE                           = var.watch_grace
    }
  }

  depends_on = [aws_cloudwatch_log_group.registration, aws_iam_role_policy.registration]
}

resource "aws_lambda_alias" "registration" {
  name             = "live"
  function_name    = aws_lambda_function.registration.function_name
  function_version = aws_lambda_function.registration.version
}

# ---- tick ----

resource "aws_cloudwatch_log_group" "tick" {
  name              = "/aws/lambda/${var.name}-tick"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "tick" {
  function_name    = "${var.name}-tick"
  description      = "Scheduled tick: due listen checks, held-message retries, purge (secrets revision ${var.secrets_revision})"
  role             = aws_iam_role.tick.arn
  runtime          = local.java_runtime
  handler          = "app.sendsongs.lambda.TickHandler::handleRequest"
  filename         = var.lambda_jar
  source_code_hash = filebase64sha256(var.lambda_jar)
  memory_size      = var.lambda_memory_mb
  timeout          = 60
  publish          = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = {
      DYNAMODB_TABLE                        = aws_dynamodb_table.main.name
      PUBLIC_BASE_URL                       = local.public_base_url
      SPOTIFY_CLIENT_ID                     = var.spotify_client_id
      MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER = aws_ssm_parameter.messenger_page_access_token.name
      TELEGRAM_BOT_TOKEN_PARAMETER          = aws_ssm_parameter.telegram_bot_token.name
      SPOTIFY_CLIENT_SECRET_PARAMETER       = aws_ssm_parameter.spotify_client_secret.name
      TOKEN_ENCRYPTION_KEY_PARAMETER        = aws_ssm_parameter.token_encryption_key.name
      WATCH_SCHEDULE                        = var.watch_schedule
      WATCH_GRACE                           = var.watch_grace
      LASTFM_API_KEY                        = var.lastfm_api_key
      LASTFM_SHARED_SECRET_PARAMETER        = aws_ssm_parameter.lastfm_shared_secret.name
      MESSENGER_GRAPH_VERSION               = var.graph_api_version
      MESSENGER_PAGE                        = var.messenger_page
    }
  }

  depends_on = [aws_cloudwatch_log_group.tick, aws_iam_role_policy.tick]
}

resource "aws_lambda_alias" "tick" {
  name             = "live"
  function_name    = aws_lambda_function.tick.function_name
  function_version = aws_lambda_function.tick.version
}

# A failed tick is not retried: the next one is a minute away, and claimed checks fall due
# again when their lease ends.
resource "aws_lambda_function_event_invoke_config" "tick" {
  function_name                = aws_lambda_function.tick.function_name
  qualifier                    = aws_lambda_alias.tick.name
  maximum_retry_attempts       = 0
  maximum_event_age_in_seconds = 60
}
