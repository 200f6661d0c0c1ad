#!/usr/bin/python3
"""Online fine-tuning loop on streamprep's output topic.

Reads training records (the `training-record` JSON schema) from a Kafka topic with
`isolation.level=read_committed`, collates `input_ids` / `attention_mask` / `label_id` into padded
batches, trains a small classifier (mean of token embeddings + linear) one step per batch, and
writes the model's class probabilities for every source record it saw to a feedback topic as
`{"id": <source_id>, "probabilities": [...], "ts": <epoch ms>}` (the `model-feedback` record that
streamprep's annotation stage reads for active learning; `ts` is when the model scored it).

Prints one JSON object per line on stdout: `{"step": n, "loss": x, "examples": k}` per training
step, then `{"done": true, ...}`. Run with Debian's /usr/bin/python3 (python3-torch,
python3-confluent-kafka).
"""

import argparse
import json
import sys
import time

import torch
from confluent_kafka import Consumer, KafkaError, Producer
from torch import nn
from torch.utils.data import DataLoader, IterableDataset


class KafkaTrainingRecords(IterableDataset):
    """Training records from a topic, in partition order, as dicts.

    Stops after `max_records` records or when no record arrived for `idle_timeout` seconds.
    Offsets are committed by the training loop after each optimizer step (`commit()`), so a
    restarted loop resumes after the last batch it learned from (at-least-once).
    """

    def __init__(self, bootstrap_servers, topic, group_id, max_records, idle_timeout):
        super().__init__()
        self.topic = topic
        self.max_records = max_records
        self.idle_timeout = idle_timeout
        self.consumer = Consumer({
            "bootstrap.servers": bootstrap_servers,
            "group.id": group_id,
            "isolation.level": "read_committed",
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
        })

    def __iter__(self):
        self.consumer.subscribe([self.topic])
        seen = 0
        last = time.monotonic()
        while seen < self.max_records and time.monotonic() - last < self.idle_timeout:
            message = self.consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise RuntimeError(str(message.error()))
            last = time.monotonic()
            seen += 1
            yield json.loads(message.value())

    def commit(self):
        try:
            self.consumer.commit(asynchronous=False)
        except Exception as e:  # nothing consumed yet: nothing to commit
            if "NO_OFFSET" not in str(e):
                raise

    def close(self):
        self.consumer.close()


def collate(records):
    """Pads a list of training records into tensors; label -1 marks unlabelled records."""
    length = max(len(r["input_ids"]) for r in records)
    input_ids = torch.zeros((len(records), length), dtype=torch.long)
    attention_mask = torch.zeros((len(records), length), dtype=torch.float)
    for i, r in enumerate(records):
        ids = r["input_ids"]
        mask = r.get("attention_mask") or [1] * len(ids)
        input_ids[i, : len(ids)] = torch.tensor(ids, dtype=torch.long)
        attention_mask[i, : len(mask)] = torch.tensor(mask, dtype=torch.float)
    return {
        "input_ids": input_ids,
        "attention_mask": attention_mask,
        "labels": torch.tensor([r.get("label_id", -1) for r in records], dtype=torch.long),
        "ids": [r["source_id"] for r in records],
        "first_window": [r.get("variant", 0) == 0 and r.get("window", 0) == 0 for r in records],
    }


class BagOfTokensClassifier(nn.Module):
    """Mean of the real tokens' embeddings, then a linear layer."""

    def __init__(self, vocab_size, dim, classes):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, dim, mode="sum")
        self.linear = nn.Linear(dim, classes)

    def forward(self, input_ids, attention_mask):
        weights = attention_mask / attention_mask.sum(dim=1, keepdim=True).clamp(min=1)
        return self.linear(self.embedding(input_ids, per_sample_weights=weights))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bootstrap-servers", default="127.0.0.1:9092")
    p.add_argument("--topic", default="streamprep-train", help="training records to learn from")
    p.add_argument("--feedback-topic", default="streamprep-model-feedback",
                   help="streamprep's annotation.kafka.topic.feedback")
    p.add_argument("--group-id", default="streamprep-trainer")
    p.add_argument("--classes", type=int, required=True, help="number of labels (labels.list)")
    p.add_argument("--vocab-size", type=int, default=30522)
    p.add_argument("--dim", type=int, default=64)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--max-steps", type=int, default=1000)
    p.add_argument("--idle-timeout", type=float, default=30.0, help="seconds without records")
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args(argv)

    torch.manual_seed(args.seed)
    records = KafkaTrainingRecords(args.bootstrap_servers, args.topic, args.group_id,
                                   args.max_steps * args.batch_size, args.idle_timeout)
    feedback = Producer({"bootstrap.servers": args.bootstrap_servers, "acks": "all"})
    model = BagOfTokensClassifier(args.vocab_size, args.dim, args.classes)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1)
    steps = sent = 0
    try:
        for batch in DataLoader(records, batch_size=args.batch_size, collate_fn=collate):
            logits = model(batch["input_ids"], batch["attention_mask"])
            probabilities = torch.softmax(logits.detach(), dim=1).tolist()
            scored_at = int(time.time() * 1000)
            for source_id, first, probs in zip(batch["ids"], batch["first_window"],
                                               probabilities):
                if first:
                    value = {"id": source_id, "probabilities": [round(x, 6) for x in probs],
                             "ts": scored_at}
                    feedback.produce(args.feedback_topic, key=source_id.encode("utf-8"),
                                     value=json.dumps(value).encode("utf-8"))
                    sent += 1
            feedback.poll(0)
            labelled = int((batch["labels"] >= 0).sum())
            if labelled > 0:
                loss = loss_fn(logits, batch["labels"])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                steps += 1
                print(json.dumps({"step": steps, "loss": round(loss.item(), 6),
                                  "examples": labelled}), flush=True)
            records.commit()
            if steps >= args.max_steps:
                break
    finally:
        undelivered = feedback.flush(30)
        records.close()
    print(json.dumps({"done": True, "steps": steps, "feedback": sent,
                      "undelivered": undelivered}), flush=True)
    return 0 if undelivered == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
