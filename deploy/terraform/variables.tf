variable "aws_region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "eu-west-1"
}

variable "name" {
  description = "Prefix of every resource name; one deployment per name and region."
  type        = string
  default     = "send-songs"
}

variable "lambda_jar" {
  description = "The Lambda artifact built by the normal build (mvn package)."
  type        = string
  default     = "../../lambda/target/send-songs-lambda.jar"
}

variable "spotify_client_id" {
  description = "Client ID of the Spotify app (not a secret; the client secret goes to Parameter Store)."
  type        = string
}

variable "lastfm_api_key" {
  description = "Key of the Last.fm API account (not a secret: it is in every Last.fm link; the shared secret goes to Parameter Store). Leave empty not to offer Last.fm."
  type        = string
  default     = ""
}

variable "public_base_url" {
  description = "Base URL people and Facebook reach the API at, without a trailing slash. Leave empty to use the HTTP API's own endpoint; set it when a custom domain points at the API."
  type        = string
  default     = ""
}

variable "watch_schedule" {
  description = "Listen-check schedule as every/until phases (see docs/operations.md)."
  type        = string
  default     = "5m/1h,1h/7d"
}

variable "graph_api_version" {
  description = "Graph API version the functions call Messenger with; move it forward before Meta retires it (see docs/operations.md)."
  type        = string
  default     = "v25.0"
}

variable "messenger_page" {
  description = "The Facebook page's username or id, as in https://m.me/<page>: the links the bot gives for invites and held songs. Empty: no such links."
  type        = string
  default     = ""
}

variable "watch_grace" {
  description = "How long after the watch period a song is checked a last time, for plays that reach a history late (see docs/operations.md)."
  type        = string
  default     = "2h"
}

variable "send_limit_per_hour" {
  description = "Songs one person may send in an hour, a song to a group counting once (SEND_LIMIT_PER_HOUR). Null: the code's default, 20."
  type        = number
  default     = null

  validation {
    condition     = var.send_limit_per_hour == null ? true : var.send_limit_per_hour >= 1 && var.send_limit_per_hour <= 65535 && floor(var.send_limit_per_hour) == var.send_limit_per_hour
    error_message = "send_limit_per_hour must be a whole number from 1 to 65535, or null for the code's default."
  }
}

variable "send_limit_per_friend_per_day" {
  description = "Songs one person may send one friend in 24 hours (SEND_LIMIT_PER_FRIEND_PER_DAY). Null: the code's default, 10."
  type        = number
  default     = null

  validation {
    condition     = var.send_limit_per_friend_per_day == null ? true : var.send_limit_per_friend_per_day >= 1 && var.send_limit_per_friend_per_day <= 65535 && floor(var.send_limit_per_friend_per_day) == var.send_limit_per_friend_per_day
    error_message = "send_limit_per_friend_per_day must be a whole number from 1 to 65535, or null for the code's default."
  }
}

variable "send_limit_open_invites" {
  description = "Invites one person may have open at once, songs waiting for friends who have not signed up yet (SEND_LIMIT_OPEN_INVITES). Null: the code's default, 20."
  type        = number
  default     = null

  validation {
    condition     = var.send_limit_open_invites == null ? true : var.send_limit_open_invites >= 1 && var.send_limit_open_invites <= 65535 && floor(var.send_limit_open_invites) == var.send_limit_open_invites
    error_message = "send_limit_open_invites must be a whole number from 1 to 65535, or null for the code's default."
  }
}

variable "held_message_days" {
  description = "Days a message waits for someone who has not written to the bot lately before it is given up; a song's sender is told (HELD_MESSAGE_DAYS). Null: the code's default, 14."
  type        = number
  default     = null

  validation {
    condition     = var.held_message_days == null ? true : var.held_message_days >= 1 && var.held_message_days <= 65535 && floor(var.held_message_days) == var.held_message_days
    error_message = "held_message_days must be a whole number from 1 to 65535, or null for the code's default."
  }
}

variable "lease_seconds" {
  description = "How long a function holds what it took (a message it sends, a listen check) before another may take it, should it die; longer than a Send API call and its echo take (LEASE_SECONDS). Null: the code's default, 120."
  type        = number
  default     = null

  validation {
    condition     = var.lease_seconds == null ? true : var.lease_seconds >= 5 && var.lease_seconds <= 65535 && floor(var.lease_seconds) == var.lease_seconds
    error_message = "lease_seconds must be a whole number from 5 to 65535, or null for the code's default."
  }
}

variable "telegram_messages_per_second" {
  description = "Most messages a second the bot sends on Telegram, in all, on one pace in the table that every Lambda execution (and any server on the table) shares; above 30 (Telegram's free rate, up to 950) messages go as paid broadcasts, which must be enabled for the bot (TELEGRAM_MESSAGES_PER_SECOND). Null: the code's default, 28."
  type        = number
  default     = null

  validation {
    condition     = var.telegram_messages_per_second == null ? true : var.telegram_messages_per_second >= 1 && var.telegram_messages_per_second <= 950 && floor(var.telegram_messages_per_second) == var.telegram_messages_per_second
    error_message = "telegram_messages_per_second must be a whole number from 1 to 950, or null for the code's default."
  }
}

variable "tick_schedule" {
  description = "How often EventBridge Scheduler runs the tick function."
  type        = string
  default     = "rate(1 minute)"
}

variable "lambda_memory_mb" {
  description = "Memory of each function; CPU grows with it."
  type        = number
  default     = 512
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the functions' and the API's logs."
  type        = number
  default     = 30
}

variable "api_throttling_rate_limit" {
  description = "Steady requests per second the HTTP API accepts across all routes."
  type        = number
  default     = 20
}

variable "api_throttling_burst_limit" {
  description = "Burst of requests the HTTP API accepts above the steady rate."
  type        = number
  default     = 50
}

variable "secrets_revision" {
  description = "Raise after changing a secret parameter: the functions are published anew, so every new execution environment reads the new values."
  type        = number
  default     = 1
}

variable "inbound_max_receive_count" {
  description = "How many times an event is handed to the inbound function before SQS moves it to the dead-letter queue (about 35 minutes of retries at 6)."
  type        = number
  default     = 6
}

variable "alarm_email" {
  description = "Email address the alarms notify, through an SNS topic made for it (AWS sends a confirmation first). Leave empty for none, or use alarm_topic_arn."
  type        = string
  default     = ""
}

variable "alarm_topic_arn" {
  description = "An existing SNS topic the alarms notify instead (chat integrations, paging). Leave empty to use alarm_email."
  type        = string
  default     = ""
}

variable "intake_age_alarm_seconds" {
  description = "Alarm when an event has waited on the intake queue longer than this, for 10 minutes."
  type        = number
  default     = 600
}

variable "listen_check_lag_alarm_seconds" {
  description = "Alarm when the oldest due listen check has waited longer than this after the tick, for 10 minutes."
  type        = number
  default     = 600
}
