package com.example.it.worker;

public final class Worker {
    public static void main(String[] args) {
        System.out.println("Worker");
    }
}
