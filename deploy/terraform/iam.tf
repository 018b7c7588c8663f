# One role per function, each allowed exactly the DynamoDB and SQS actions, parameters and log group
# its code uses (for the inbound function, also what Lambda's polling of the queue does with its
# role). The deployment test (lambda module, TerraformIT) runs the handlers and an emulated event
# source mapping against emulators, records every AWS call they make, and fails if a role allows
# less or more than that.

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

# Each function's role; its one inline policy, below, allows what that function does.
resource "aws_iam_role" "function" {
  for_each           = local.functions
  name               = "${var.name}-${each.value.name}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

# ---- webhook: the app secret and verify token, putting events on the intake queue, and confirming the held
# messages Messenger echoed (releasing them; a song's share delivered and its watch planned) ----

data "aws_iam_policy_document" "webhook" {
  statement {
    sid       = "Queue"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.inbound.arn]
  }

  statement {
    sid       = "Items"
    actions   = ["dynamodb:BatchGetItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.main.arn]
  }

  statement {
    sid     = "Secrets"
    actions = ["ssm:GetParameters"]
    resources = [
      aws_ssm_parameter.messenger_app_secret.arn,
      aws_ssm_parameter.messenger_verify_token.arn,
    ]
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.secrets.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ssm.${var.aws_region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function["webhook"].arn}:*"]
  }
}

resource "aws_iam_role_policy" "webhook" {
  name   = "${var.name}-webhook"
  role   = aws_iam_role.function["webhook"].id
  policy = data.aws_iam_policy_document.webhook.json
}

# ---- telegram webhook: the webhook secret and the bot token (getMe), and putting events on the intake queue ----

data "aws_iam_policy_document" "telegram_webhook" {
  statement {
    sid       = "Queue"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.inbound.arn]
  }

  # Telegram's send pace, shared by every function that calls Telegram as the bot: its keyboard edits take their slots
  # there. Only the pace's items, by their partition keys (fine-grained access control:
  # https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html).
  statement {
    sid       = "TelegramPace"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]
    resources = [aws_dynamodb_table.main.arn]
    condition {
      test     = "ForAllValues:StringLike"
      variable = "dynamodb:LeadingKeys"
      values   = ["PACE#telegram", "PACE#telegram#*"]
    }
  }

  statement {
    sid     = "Secrets"
    actions = ["ssm:GetParameters"]
    resources = [
      aws_ssm_parameter.telegram_webhook_secret.arn,
      aws_ssm_parameter.telegram_bot_token.arn,
    ]
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.secrets.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ssm.${var.aws_region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function["telegram_webhook"].arn}:*"]
  }
}

resource "aws_iam_role_policy" "telegram_webhook" {
  name   = "${var.name}-telegram-webhook"
  role   = aws_iam_role.function["telegram_webhook"].id
  policy = data.aws_iam_policy_document.telegram_webhook.json
}

# ---- inbound: everything a message can do; Lambda's polling of the queue acts with this role too ----

data "aws_iam_policy_document" "inbound" {
  statement {
    sid       = "Queue"
    actions   = ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", "sqs:SendMessage"]
    resources = [aws_sqs_queue.inbound.arn]
  }

  statement {
    sid       = "Items"
    actions   = ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.main.arn]
  }

  statement {
    sid       = "Indexes"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.main.arn}/index/gsi1", "${aws_dynamodb_table.main.arn}/index/gsi2", "${aws_dynamodb_table.main.arn}/index/gsi3"]
  }

  statement {
    sid     = "Secrets"
    actions = ["ssm:GetParameters"]
    resources = [
      aws_ssm_parameter.messenger_page_access_token.arn,
      aws_ssm_parameter.telegram_bot_token.arn,
      aws_ssm_parameter.spotify_client_secret.arn,
      aws_ssm_parameter.token_encryption_key.arn,
      aws_ssm_parameter.token_encryption_previous_key.arn,
      aws_ssm_parameter.lastfm_shared_secret.arn,
    ]
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.secrets.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ssm.${var.aws_region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function["inbound"].arn}:*"]
  }
}

resource "aws_iam_role_policy" "inbound" {
  name   = "${var.name}-inbound"
  role   = aws_iam_role.function["inbound"].id
  policy = data.aws_iam_policy_document.inbound.json
}

# ---- registration ----

data "aws_iam_policy_document" "registration" {
  statement {
    sid       = "Items"
    actions   = ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.main.arn]
  }

  # gsi1 too: the songs of a newcomer's invites are sent to them when they sign up through their own link
  statement {
    sid       = "Indexes"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.main.arn}/index/gsi1", "${aws_dynamodb_table.main.arn}/index/gsi2"]
  }

  statement {
    sid     = "Secrets"
    actions = ["ssm:GetParameters"]
    resources = [
      aws_ssm_parameter.messenger_page_access_token.arn,
      aws_ssm_parameter.telegram_bot_token.arn,
      aws_ssm_parameter.spotify_client_secret.arn,
      aws_ssm_parameter.token_encryption_key.arn,
      aws_ssm_parameter.token_encryption_previous_key.arn,
      aws_ssm_parameter.lastfm_shared_secret.arn,
    ]
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.secrets.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ssm.${var.aws_region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function["registration"].arn}:*"]
  }
}

resource "aws_iam_role_policy" "registration" {
  name   = "${var.name}-registration"
  role   = aws_iam_role.function["registration"].id
  policy = data.aws_iam_policy_document.registration.json
}

# ---- tick ----

data "aws_iam_policy_document" "tick" {
  statement {
    sid       = "Items"
    actions   = ["dynamodb:BatchGetItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.main.arn]
  }

  # gsi1 too: a play notice names the receiver apart from another person of that name the sender knows
  statement {
    sid       = "Indexes"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.main.arn}/index/gsi1", "${aws_dynamodb_table.main.arn}/index/gsi2", "${aws_dynamodb_table.main.arn}/index/due"]
  }

  statement {
    sid     = "Secrets"
    actions = ["ssm:GetParameters"]
    resources = [
      aws_ssm_parameter.messenger_page_access_token.arn,
      aws_ssm_parameter.telegram_bot_token.arn,
      aws_ssm_parameter.spotify_client_secret.arn,
      aws_ssm_parameter.token_encryption_key.arn,
      aws_ssm_parameter.token_encryption_previous_key.arn,
      aws_ssm_parameter.lastfm_shared_secret.arn,
    ]
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.secrets.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ssm.${var.aws_region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function["tick"].arn}:*"]
  }
}

resource "aws_iam_role_policy" "tick" {
  name   = "${var.name}-tick"
  role   = aws_iam_role.function["tick"].id
  policy = data.aws_iam_policy_document.tick.json
}

# ---- the scheduler's own role: it may invoke the tick function's alias and nothing else ----

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${var.name}-scheduler"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    sid       = "InvokeTick"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_alias.function["tick"].arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "${var.name}-scheduler"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}
