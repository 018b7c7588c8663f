# One table for everything (the design is in docs/architecture.md, "DynamoDB table design").
# Due listen checks are found through the "due" index on their due time, never through TTL:
# TTL only removes leftovers some time after the store's own hourly purge would have.
resource "aws_dynamodb_table" "main" {
  name         = "${var.name}-data"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  attribute {
    name = "gsi1pk"
    type = "S"
  }

  attribute {
    name = "gsi1sk"
    type = "S"
  }

  attribute {
    name = "gsi2pk"
    type = "S"
  }

  attribute {
    name = "gsi2sk"
    type = "S"
  }

  attribute {
    name = "senderPsid"
    type = "S"
  }

  attribute {
    name = "dueShard"
    type = "S"
  }

  attribute {
    name = "dueAt"
    type = "N"
  }

  # Users by name, shares by sender.
  global_secondary_index {
    name            = "gsi1"
    hash_key        = "gsi1pk"
    range_key       = "gsi1sk"
    projection_type = "ALL"
  }

  # Shares by receiver and state.
  global_secondary_index {
    name            = "gsi2"
    hash_key        = "gsi2pk"
    range_key       = "gsi2sk"
    projection_type = "ALL"
  }

  # Shares by sender and state (their open ones: pending, cancel). Its keys are attributes every share
  # has always had, so DynamoDB builds it from the items already there when it is added to a table.
  global_secondary_index {
    name            = "gsi3"
    hash_key        = "senderPsid"
    range_key       = "gsi2sk"
    projection_type = "ALL"
  }

  # Work by due time: listen checks, held-message retries, expired leftovers; the partition key
  # spreads each kind of work over a few shards (<kind>#<n>).
  global_secondary_index {
    name            = "due"
    hash_key        = "dueShard"
    range_key       = "dueAt"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "gcAfter"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  deletion_protection_enabled = true
}
