package com.example.it;

public final class Main {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
