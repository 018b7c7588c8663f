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
