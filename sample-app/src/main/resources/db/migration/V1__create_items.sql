CREATE TABLE items (
    id         BIGSERIAL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    quantity   INTEGER      NOT NULL CHECK (quantity >= 0),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
