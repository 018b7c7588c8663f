output "webhook_url" {
  description = "Callback URL for the Messenger webhook (Meta app dashboard, Messenger settings)."
  value       = "${local.public_base_url}/webhook"
}

output "telegram_webhook_url" {
  description = "Where Telegram posts the bot's updates; telegram-setup gives it to Telegram (setWebhook)."
  value       = "${local.public_base_url}/telegram/webhook"
}

output "connect_url" {
  description = "Where people start connecting Spotify; the bot sends this link."
  value       = "${local.public_base_url}/connect"
}

output "spotify_redirect_uri" {
  description = "Redirect URI to register with the Spotify app, exactly."
  value       = "${local.public_base_url}/callback"
}

output "lastfm_callback_url" {
  description = "Callback URL of the Last.fm API account (the app sends it with every consent, too)."
  value       = "${local.public_base_url}/callback/lastfm"
}

output "secret_parameters" {
  description = "SSM SecureString parameters whose values the operator sets (aws ssm put-parameter --overwrite)."
  value = {
    messenger_app_secret          = aws_ssm_parameter.messenger_app_secret.name
    messenger_verify_token        = aws_ssm_parameter.messenger_verify_token.name
    messenger_page_access_token   = aws_ssm_parameter.messenger_page_access_token.name
    telegram_bot_token            = aws_ssm_parameter.telegram_bot_token.name
    telegram_webhook_secret       = aws_ssm_parameter.telegram_webhook_secret.name
    spotify_client_secret         = aws_ssm_parameter.spotify_client_secret.name
    token_encryption_key          = aws_ssm_parameter.token_encryption_key.name
    token_encryption_previous_key = aws_ssm_parameter.token_encryption_previous_key.name
    lastfm_shared_secret          = aws_ssm_parameter.lastfm_shared_secret.name
  }
}

output "secrets_kms_key_arn" {
  description = "The KMS key the parameters are encrypted with (pass it to put-parameter with --key-id)."
  value       = aws_kms_key.secrets.arn
}

output "inbound_queue_url" {
  description = "The intake queue (SQS FIFO) between the webhook and the inbound function."
  value       = aws_sqs_queue.inbound.url
}

output "inbound_dead_letter_queue_name" {
  description = "Events that failed every retry; alarm on its ApproximateNumberOfMessagesVisible (AWS/SQS) above 0."
  value       = aws_sqs_queue.inbound_dead_letters.name
}

output "inbound_dead_letter_queue_arn" {
  description = "The dead-letter queue's ARN, to move its messages back once their cause is fixed (aws sqs start-message-move-task --source-arn)."
  value       = aws_sqs_queue.inbound_dead_letters.arn
}

output "table_name" {
  description = "The DynamoDB table."
  value       = aws_dynamodb_table.main.name
}

output "alarm_topic_arn" {
  description = "The SNS topic the alarms notify (empty when neither alarm_email nor alarm_topic_arn is set)."
  value       = join("", local.alarm_topics)
}
