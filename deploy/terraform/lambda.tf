# Five functions, one role each (see docs/architecture.md, "Lambda runtime"):
#   webhook          GET and POST /webhook   checks and queues Messenger's events, confirms its echoes; no page token
#   telegram_webhook POST /telegram/webhook  checks and queues Telegram's updates; on the table, only Telegram's pace
#   inbound          the intake queue        everything a message can do
#   registration     GET /connect[/{source}], GET|POST /callback[/{source}]  every source's consent round trip
#   tick             EventBridge Scheduler   due listen checks and message retries
# Each is published as a version with SnapStart, and everything invokes it through its "live" alias. Each has a
# log group, a role (iam.tf) and alarms (alarms.tf) of its own, all made from its entry in local.functions.

locals {
  # The operator's optional settings, by the environment variable the code reads: null when not set. A function
  # that reads one (its optional_settings below) gets it only when it is set; unset, the code's default applies.
  optional_settings = {
    SEND_LIMIT_PER_HOUR           = var.send_limit_per_hour
    SEND_LIMIT_PER_FRIEND_PER_DAY = var.send_limit_per_friend_per_day
    SEND_LIMIT_OPEN_INVITES       = var.send_limit_open_invites
    HELD_MESSAGE_DAYS             = var.held_message_days
    LEASE_SECONDS                 = var.lease_seconds
    TELEGRAM_MESSAGES_PER_SECOND  = var.telegram_messages_per_second
  }

  # The settings of everything that builds the whole bot (inbound, registration, tick).
  bot_optional_settings = [
    "SEND_LIMIT_PER_HOUR", "SEND_LIMIT_PER_FRIEND_PER_DAY", "SEND_LIMIT_OPEN_INVITES", "HELD_MESSAGE_DAYS",
    "LEASE_SECONDS", "TELEGRAM_MESSAGES_PER_SECOND",
  ]

  # By function: its name after var.name, what it does, its handler, its timeout in seconds and the settings its
  # code reads (secrets as the names of their parameters): always in its environment, or among its
  # optional_settings, there only when set.
  functions = {
    webhook = {
      name        = "webhook"
      description = "Messenger webhook: verification, signed events onto the intake queue, echoes confirmed"
      handler     = "app.sendsongs.lambda.WebhookHandler::handleRequest"
      # Well within the 20 s Messenger waits: it only checks, reads, queues and confirms echoed messages.
      timeout = 10
      environment = {
        MESSENGER_APP_SECRET_PARAMETER   = aws_ssm_parameter.messenger_app_secret.name
        MESSENGER_VERIFY_TOKEN_PARAMETER = aws_ssm_parameter.messenger_verify_token.name
        INBOUND_QUEUE_URL                = aws_sqs_queue.inbound.url
        DYNAMODB_TABLE                   = aws_dynamodb_table.main.name
        WATCH_SCHEDULE                   = var.watch_schedule
        WATCH_GRACE                      = var.watch_grace
      }
      # The lease of the held messages whose echoes it confirms.
      optional_settings = ["LEASE_SECONDS"]
    }

    telegram_webhook = {
      name        = "telegram-webhook"
      description = "Telegram webhook: updates with the secret onto the intake queue"
      handler     = "app.sendsongs.lambda.TelegramWebhookHandler::handleRequest"
      # It only checks, reads and queues; Telegram sends the update again when it is not answered 2xx.
      timeout = 10
      environment = {
        TELEGRAM_WEBHOOK_SECRET_PARAMETER = aws_ssm_parameter.telegram_webhook_secret.name
        TELEGRAM_BOT_TOKEN_PARAMETER      = aws_ssm_parameter.telegram_bot_token.name
        INBOUND_QUEUE_URL                 = aws_sqs_queue.inbound.url
        DYNAMODB_TABLE                    = aws_dynamodb_table.main.name
      }
      # The pace of its edits to Telegram, kept on the table with every other function's.
      optional_settings = ["TELEGRAM_MESSAGES_PER_SECOND"]
    }

    inbound = {
      name        = "inbound"
      description = "Messenger's and Telegram's events from the intake queue, handled in order per person"
      handler     = "app.sendsongs.lambda.InboundHandler::handleRequest"
      # The queue's visibility timeout (sqs.tf) is six times this.
      timeout = 60
      environment = {
        DYNAMODB_TABLE                          = aws_dynamodb_table.main.name
        PUBLIC_BASE_URL                         = local.public_base_url
        SPOTIFY_CLIENT_ID                       = var.spotify_client_id
        MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER   = aws_ssm_parameter.messenger_page_access_token.name
        TELEGRAM_BOT_TOKEN_PARAMETER            = aws_ssm_parameter.telegram_bot_token.name
        SPOTIFY_CLIENT_SECRET_PARAMETER         = aws_ssm_parameter.spotify_client_secret.name
        TOKEN_ENCRYPTION_KEY_PARAMETER          = aws_ssm_parameter.token_encryption_key.name
        TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER = aws_ssm_parameter.token_encryption_previous_key.name
        INBOUND_QUEUE_URL                       = aws_sqs_queue.inbound.url
        WATCH_SCHEDULE                          = var.watch_schedule
        WATCH_GRACE                             = var.watch_grace
        LASTFM_API_KEY                          = var.lastfm_api_key
        LASTFM_SHARED_SECRET_PARAMETER          = aws_ssm_parameter.lastfm_shared_secret.name
        MESSENGER_GRAPH_VERSION                 = var.graph_api_version
        MESSENGER_PAGE                          = var.messenger_page
      }
      optional_settings = local.bot_optional_settings
    }

    registration = {
      name        = "registration"
      description = "Connect round trips of every listening source: /connect and /callback"
      handler     = "app.sendsongs.lambda.RegistrationHandler::handleRequest"
      # Within the HTTP API's 29 s. It calls Messenger and Telegram (a name, the welcome) only while 20 s are left
      # (SendsWhileTimeIsLeft.TIME_TO_SEND), so for the first 5 s; what it could not send then goes from the tick.
      timeout = 25
      environment = {
        DYNAMODB_TABLE                          = aws_dynamodb_table.main.name
        PUBLIC_BASE_URL                         = local.public_base_url
        SPOTIFY_CLIENT_ID                       = var.spotify_client_id
        SPOTIFY_CLIENT_SECRET_PARAMETER         = aws_ssm_parameter.spotify_client_secret.name
        TOKEN_ENCRYPTION_KEY_PARAMETER          = aws_ssm_parameter.token_encryption_key.name
        TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER = aws_ssm_parameter.token_encryption_previous_key.name
        MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER   = aws_ssm_parameter.messenger_page_access_token.name
        TELEGRAM_BOT_TOKEN_PARAMETER            = aws_ssm_parameter.telegram_bot_token.name
        LASTFM_API_KEY                          = var.lastfm_api_key
        LASTFM_SHARED_SECRET_PARAMETER          = aws_ssm_parameter.lastfm_shared_secret.name
        WATCH_SCHEDULE                          = var.watch_schedule
        MESSENGER_GRAPH_VERSION                 = var.graph_api_version
        MESSENGER_PAGE                          = var.messenger_page
        WATCH_GRACE                             = var.watch_grace
      }
      optional_settings = local.bot_optional_settings
    }

    tick = {
      name        = "tick"
      description = "Scheduled tick: due listen checks, held-message retries, purge"
      handler     = "app.sendsongs.lambda.TickHandler::handleRequest"
      # Checks start while 45 s are left (TickHandler.TIME_TO_START_A_CHECK), so for the first 45 s.
      timeout = 90
      environment = {
        DYNAMODB_TABLE                          = aws_dynamodb_table.main.name
        PUBLIC_BASE_URL                         = local.public_base_url
        SPOTIFY_CLIENT_ID                       = var.spotify_client_id
        MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER   = aws_ssm_parameter.messenger_page_access_token.name
        TELEGRAM_BOT_TOKEN_PARAMETER            = aws_ssm_parameter.telegram_bot_token.name
        SPOTIFY_CLIENT_SECRET_PARAMETER         = aws_ssm_parameter.spotify_client_secret.name
        TOKEN_ENCRYPTION_KEY_PARAMETER          = aws_ssm_parameter.token_encryption_key.name
        TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER = aws_ssm_parameter.token_encryption_previous_key.name
        WATCH_SCHEDULE                          = var.watch_schedule
        WATCH_GRACE                             = var.watch_grace
        LASTFM_API_KEY                          = var.lastfm_api_key
        LASTFM_SHARED_SECRET_PARAMETER          = aws_ssm_parameter.lastfm_shared_secret.name
        MESSENGER_GRAPH_VERSION                 = var.graph_api_version
        MESSENGER_PAGE                          = var.messenger_page
      }
      optional_settings = local.bot_optional_settings
    }
  }
}

resource "aws_cloudwatch_log_group" "function" {
  for_each          = local.functions
  name              = "/aws/lambda/${var.name}-${each.value.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "function" {
  for_each         = local.functions
  function_name    = "${var.name}-${each.value.name}"
  description      = "${each.value.description} (secrets revision ${var.secrets_revision})"
  role             = aws_iam_role.function[each.key].arn
  runtime          = local.java_runtime
  handler          = each.value.handler
  filename         = var.lambda_jar
  source_code_hash = filebase64sha256(var.lambda_jar)
  memory_size      = var.lambda_memory_mb
  timeout          = each.value.timeout
  publish          = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = merge(each.value.environment, {
      for name in each.value.optional_settings : name => tostring(local.optional_settings[name])
      if local.optional_settings[name] != null
    })
  }

  # Its log group and its role's policy exist before it runs (else Lambda would make a log group without retention).
  # A depends_on cannot name one instance, so each function waits for all of them.
  depends_on = [
    aws_cloudwatch_log_group.function,
    aws_iam_role_policy.webhook,
    aws_iam_role_policy.telegram_webhook,
    aws_iam_role_policy.inbound,
    aws_iam_role_policy.registration,
    aws_iam_role_policy.tick,
  ]
}

resource "aws_lambda_alias" "function" {
  for_each         = local.functions
  name             = "live"
  function_name    = aws_lambda_function.function[each.key].function_name
  function_version = aws_lambda_function.function[each.key].version
}

# A failed tick is not retried: the next one is a minute away, and claimed checks fall due
# again when their lease ends.
resource "aws_lambda_function_event_invoke_config" "tick" {
  function_name                = aws_lambda_function.function["tick"].function_name
  qualifier                    = aws_lambda_alias.function["tick"].name
  maximum_retry_attempts       = 0
  maximum_event_age_in_seconds = 60
}
