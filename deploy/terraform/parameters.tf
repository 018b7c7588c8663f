# Secrets live in SSM Parameter Store as SecureString, encrypted with a key of this deployment.
# Terraform creates each parameter with a placeholder; the operator puts the real value with
# `aws ssm put-parameter --overwrite` (docs/operations.md, "Deploying to AWS"). Terraform never
# sees or stores the real values: it ignores changes to them.
resource "aws_kms_key" "secrets" {
  description             = "${var.name}: encrypts the SecureString parameters"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/${var.name}-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}

resource "aws_ssm_parameter" "messenger_app_secret" {
  name        = "/${var.name}/messenger-app-secret"
  description = "Facebook app secret: verifies X-Hub-Signature-256 on webhook POSTs"
  type        = "SecureString"
  key_id      = aws_kms_key.secrets.arn
  value       = "set-me"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "messenger_verify_token" {
  name        = "/${var.name}/messenger-verify-token"
  description = "The token Facebook sends when verifying the webhook"
  type        = "SecureString"
  key_id      = aws_kms_key.secrets.arn
  value       = "set-me"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "messenger_page_access_token" {
  name        = "/${var.name}/messenger-page-access-token"
  description = "Page access token for the Messenger Send API"
  type        = "SecureString"
  key_id      = aws_kms_key.secrets.arn
  value       = "set-me"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "spotify_client_secret" {
  name        = "/${var.name}/spotify-client-secret"
  description = "Spotify app client secret"
  type        = "SecureString"
  key_id      = aws_kms_key.secrets.arn
  value       = "set-me"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "token_encryption_key" {
  name        = "/${var.name}/token-encryption-key"
  description = "Base64 of 32 random bytes that seals people's Spotify tokens in the table"
  type        = "SecureString"
  key_id      = aws_kms_key.secrets.arn
  value       = "set-me"

  lifecycle {
    ignore_changes = [value]
  }
}

# Only while the token key is replaced (docs/operations.md, "Changing TOKEN_ENCRYPTION_KEY"): the key
# being replaced, which still opens what it sealed. Its placeholder means no key is being replaced.
resource "aws_ssm_parameter" "token_encryption_previous_key" {
  name        = "/${var.name}/token-encryption-previous-key"
  description = "While the token key is replaced: the key it replaces (\"not set\" otherwise)"
  type        = "SecureString"
  key_id      = aws_kms_key.secrets.arn
  value       = "not set"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "lastfm_shared_secret" {
  name        = "/${var.name}/lastfm-shared-secret"
  description = "Shared secret of the Last.fm API account: signs Last.fm calls (read only when lastfm_api_key is set)"
  type        = "SecureString"
  key_id      = aws_kms_key.secrets.arn
  value       = "set-me"

  lifecycle {
    ignore_changes = [value]
  }
}

# The Telegram bot. Its placeholder is no token and no webhook secret (a space is in neither), so until
# the operator puts real values the bot is not on Telegram and the Telegram webhook refuses every call.
resource "aws_ssm_parameter" "telegram_bot_token" {
  name        = "/${var.name}/telegram-bot-token"
  description = "Telegram bot token from @BotFather"
  type        = "SecureString"
  key_id      = aws_kms_key.secrets.arn
  value       = "not set"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "telegram_webhook_secret" {
  name        = "/${var.name}/telegram-webhook-secret"
  description = "The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token with every update"
  type        = "SecureString"
  key_id      = aws_kms_key.secrets.arn
  value       = "not set"

  lifecycle {
    ignore_changes = [value]
  }
}
