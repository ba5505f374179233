# The sessions-redis cluster (3 shards).
resource "aws_elasticache_replication_group" "sessions" {}
